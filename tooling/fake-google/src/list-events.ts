import type { CalendarStore } from "./calendar-store.ts";
import type { FakeCalendar, GoogleEvent } from "./calendar-types.ts";
import { hasOffset, instantOf } from "./event-times.ts";
import { calendarErrors, GoogleApiError } from "./google-errors.ts";
import { decodePageToken, decodeSyncToken, encodePageToken, encodeSyncToken, type PageCursor } from "./sync-tokens.ts";

/** events.list query parameters, already read from the query string. */
export type ListEventsParams = {
  syncToken?: string;
  pageToken?: string;
  maxResults?: number;
  timeMin?: string;
  timeMax?: string;
  updatedMin?: string;
  singleEvents?: boolean;
  showDeleted?: boolean;
  orderBy?: string;
  q?: string;
  iCalUID?: string;
  privateExtendedProperty?: string[];
  sharedExtendedProperty?: string[];
};

export type EventsPage = {
  kind: "calendar#events";
  etag: string;
  summary: string;
  description?: string;
  updated: string;
  timeZone: string;
  accessRole: "owner";
  defaultReminders: { method: string; minutes: number }[];
  nextPageToken?: string;
  nextSyncToken?: string;
  items: Partial<GoogleEvent>[];
};

const DEFAULT_MAX_RESULTS = 250;
const MAX_MAX_RESULTS = 2500;

/** Parameters a sync token cannot be combined with (the "Synchronize resources efficiently" guide). */
const NOT_WITH_SYNC_TOKEN = [
  "timeMin",
  "timeMax",
  "updatedMin",
  "orderBy",
  "q",
  "iCalUID",
  "privateExtendedProperty",
  "sharedExtendedProperty",
] as const;

/**
 * events.list as Google documents it: a full listing hides cancelled events unless
 * showDeleted; an incremental one (syncToken) returns everything changed since, deleted
 * events included as `{ id, status: "cancelled" }`; nextSyncToken only on the last page;
 * an expired sync token answers 410 fullSyncRequired.
 */
export function listEvents(store: CalendarStore, calendar: FakeCalendar, params: ListEventsParams): EventsPage {
  const cursor = startCursor(store, calendar, params);
  const maxResults = readMaxResults(params.maxResults);
  const ordered = params.orderBy !== undefined;
  const matching = store
    .storedEvents(calendar.id)
    .filter((stored) => stored.changeSeq <= cursor.snapshot)
    .filter((stored) => cursor.since === null || stored.changeSeq > cursor.since)
    .filter((stored) => matches(stored.event, calendar, params, cursor.since !== null))
    .sort((a, b) => (ordered ? compareBy(params.orderBy, a.event, b.event, calendar) : a.changeSeq - b.changeSeq));
  const remaining = ordered
    ? matching.slice(cursor.after)
    : matching.filter((stored) => stored.changeSeq > cursor.after);
  const page = remaining.slice(0, maxResults);
  const last = page.at(-1);
  const more = remaining.length > page.length && last !== undefined;
  const latest = Math.max(0, ...store.storedEvents(calendar.id).map((stored) => Date.parse(stored.event.updated)));
  return {
    kind: "calendar#events",
    etag: `"${cursor.snapshot}"`,
    summary: calendar.summary,
    ...(calendar.description && !calendar.primary ? { description: calendar.description } : {}),
    updated: new Date(latest || Date.now()).toISOString(),
    timeZone: calendar.timeZone,
    accessRole: "owner",
    defaultReminders: calendar.primary ? [{ method: "popup", minutes: 10 }] : [],
    ...(more
      ? { nextPageToken: encodePageToken({ ...cursor, after: ordered ? cursor.after + page.length : last.changeSeq }) }
      : {
          nextSyncToken: encodeSyncToken({
            calendarId: calendar.id,
            generation: calendar.syncGeneration,
            seq: cursor.snapshot,
          }),
        }),
    items: page.map((stored) => present(stored.event)),
  };
}

function startCursor(store: CalendarStore, calendar: FakeCalendar, params: ListEventsParams): PageCursor {
  if (params.syncToken !== undefined) {
    for (const name of NOT_WITH_SYNC_TOKEN) {
      if (params[name] !== undefined) {
        throw new GoogleApiError(
          calendarErrors.invalid(`The ${name} parameter cannot be used together with syncToken.`, name),
        );
      }
    }
  }
  if (params.orderBy !== undefined && params.orderBy !== "startTime" && params.orderBy !== "updated") {
    throw new GoogleApiError(calendarErrors.invalid(`Invalid value for: orderBy: ${params.orderBy}`, "orderBy"));
  }
  if (params.orderBy === "startTime" && !params.singleEvents) {
    throw new GoogleApiError(
      calendarErrors.invalid("The requested ordering is not available for the particular query.", "orderBy"),
    );
  }
  for (const name of ["timeMin", "timeMax", "updatedMin"] as const) {
    const value = params[name];
    if (value !== undefined && (!hasOffset(value) || Number.isNaN(Date.parse(value)))) {
      throw new GoogleApiError(calendarErrors.invalid("Bad Request", name));
    }
  }
  if (params.pageToken !== undefined) {
    const cursor = decodePageToken(params.pageToken);
    if (!cursor) throw new GoogleApiError(calendarErrors.invalid("Invalid page token value.", "pageToken"));
    if (cursor.generation !== calendar.syncGeneration) throw new GoogleApiError(calendarErrors.fullSyncRequired());
    return cursor;
  }
  if (params.syncToken !== undefined) {
    const position = decodeSyncToken(params.syncToken);
    if (!position || position.calendarId !== calendar.id) {
      throw new GoogleApiError(calendarErrors.invalid("Invalid sync token value.", "syncToken"));
    }
    if (position.generation !== calendar.syncGeneration) throw new GoogleApiError(calendarErrors.fullSyncRequired());
    return { snapshot: store.changeSeq, since: position.seq, after: 0, generation: calendar.syncGeneration };
  }
  return { snapshot: store.changeSeq, since: null, after: 0, generation: calendar.syncGeneration };
}

function readMaxResults(value: number | undefined): number {
  if (value === undefined) return DEFAULT_MAX_RESULTS;
  if (!Number.isInteger(value) || value < 1) {
    throw new GoogleApiError(
      calendarErrors.invalid(`Invalid value '${value}'. Values must be within the range: [1, 2500]`, "maxResults"),
    );
  }
  return Math.min(value, MAX_MAX_RESULTS);
}

function matches(event: GoogleEvent, calendar: FakeCalendar, params: ListEventsParams, incremental: boolean): boolean {
  // With singleEvents the recurring series themselves are left out; their instances are listed.
  if (params.singleEvents && event.recurrence) return false;
  if (incremental) return true;
  const updatedSince = params.updatedMin ? Date.parse(event.updated) >= Date.parse(params.updatedMin) : true;
  if (!updatedSince) return false;
  // Deleted events changed after updatedMin are always included, whatever showDeleted says.
  if (event.status === "cancelled" && !params.showDeleted && !params.updatedMin) return false;
  if (params.timeMin && instantOf(event.end, calendar.timeZone) <= Date.parse(params.timeMin)) return false;
  if (params.timeMax && instantOf(event.start, calendar.timeZone) >= Date.parse(params.timeMax)) return false;
  if (params.iCalUID && event.iCalUID !== params.iCalUID) return false;
  if (
    params.q &&
    !`${event.summary ?? ""} ${event.description ?? ""} ${event.location ?? ""}`
      .toLowerCase()
      .includes(params.q.toLowerCase())
  ) {
    return false;
  }
  return (
    hasProperties(event.extendedProperties?.private, params.privateExtendedProperty) &&
    hasProperties(event.extendedProperties?.shared, params.sharedExtendedProperty)
  );
}

function hasProperties(bag: Record<string, string> | undefined, wanted: string[] | undefined): boolean {
  return (wanted ?? []).every((pair) => {
    const [key, ...rest] = pair.split("=");
    return key !== undefined && bag?.[key] === rest.join("=");
  });
}

function compareBy(orderBy: string | undefined, a: GoogleEvent, b: GoogleEvent, calendar: FakeCalendar): number {
  if (orderBy === "updated") return Date.parse(a.updated) - Date.parse(b.updated);
  return instantOf(a.start, calendar.timeZone) - instantOf(b.start, calendar.timeZone);
}

/** Deleted events are only guaranteed to carry their id (Events resource, `status`). */
function present(event: GoogleEvent): Partial<GoogleEvent> {
  if (event.status !== "cancelled") return event;
  return {
    kind: event.kind,
    etag: event.etag,
    id: event.id,
    status: "cancelled",
    ...(event.recurringEventId
      ? { recurringEventId: event.recurringEventId, originalStartTime: event.originalStartTime }
      : {}),
  };
}
