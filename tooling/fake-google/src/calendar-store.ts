import type { CalendarAccessRole, CalendarListEntry, EventInput, FakeCalendar, GoogleEvent } from "./calendar-types.ts";
import { instantOf, isValidTimeZone } from "./event-times.ts";
import { calendarErrors, GoogleApiError } from "./google-errors.ts";
import { isValidEventId, newEventId, opaqueToken } from "./ids.ts";
import { expandSeries, isSupportedRecurrence } from "./recurrence.ts";
import { validateEvent } from "./validate-event.ts";

type StoredEvent = { event: GoogleEvent; changeSeq: number };

export type NewCalendar = {
  summary: string;
  description?: string;
  timeZone?: string;
  createdByClientId?: string;
  /** Default owner; reader or freeBusyReader: a calendar shared with the account read-only. */
  accessRole?: CalendarAccessRole;
};

export const DEFAULT_TIME_ZONE = "Europe/Berlin";

const COLORS = [
  { colorId: "14", backgroundColor: "#9fe1e7", foregroundColor: "#000000" },
  { colorId: "7", backgroundColor: "#42d692", foregroundColor: "#000000" },
  { colorId: "4", backgroundColor: "#fa573c", foregroundColor: "#000000" },
  { colorId: "9", backgroundColor: "#7bd148", foregroundColor: "#000000" },
];

/**
 * Calendars and their events. Every change of an event gets the next number of one global
 * change counter: an incremental listing returns what changed after the sync token's number,
 * and a listing reads a snapshot (changes up to the number when its first page was asked
 * for), so paging while events change neither skips nor repeats anything.
 */
export class CalendarStore {
  readonly #calendars = new Map<string, FakeCalendar>();
  readonly #events = new Map<string, Map<string, StoredEvent>>();
  #changeSeq = 0;

  constructor(private readonly onChange: (calendarId: string) => void) {}

  get changeSeq(): number {
    return this.#changeSeq;
  }

  createPrimary(email: string, name: string): FakeCalendar {
    return this.#add({
      id: email,
      owner: email,
      summary: email,
      primary: true,
      description: name,
      accessRole: "owner",
    });
  }

  createCalendar(owner: string, input: NewCalendar): FakeCalendar {
    if (!input.summary?.trim()) throw new GoogleApiError(calendarErrors.required("Missing title."));
    if (input.timeZone && !isValidTimeZone(input.timeZone)) {
      throw new GoogleApiError(calendarErrors.invalid("Invalid time zone definition."));
    }
    const id = `c_${opaqueToken("")
      .replace(/[^a-z0-9]/gi, "")
      .toLowerCase()
      .slice(0, 26)}@group.calendar.google.com`;
    return this.#add({ id, owner, primary: false, ...input, accessRole: input.accessRole ?? "owner" });
  }

  /** The owner's access changes (sharing narrowed in Google): the list shows it and writes answer 403. */
  setAccessRole(calendarId: string, accessRole: CalendarAccessRole): void {
    const calendar = this.getCalendar(calendarId);
    calendar.accessRole = accessRole;
    calendar.etagSeq = ++this.#changeSeq;
  }

  #add(
    input: Omit<FakeCalendar, "syncGeneration" | "etagSeq" | "timeZone" | keyof (typeof COLORS)[0]> & {
      timeZone?: string;
    },
  ): FakeCalendar {
    const color = COLORS[this.#calendars.size % COLORS.length] ?? COLORS[0];
    const calendar: FakeCalendar = {
      ...input,
      ...(color as (typeof COLORS)[0]),
      timeZone: input.timeZone ?? DEFAULT_TIME_ZONE,
      syncGeneration: 0,
      etagSeq: ++this.#changeSeq,
    };
    this.#calendars.set(calendar.id, calendar);
    this.#events.set(calendar.id, new Map());
    return calendar;
  }

  calendarsOf(email: string): FakeCalendar[] {
    return [...this.#calendars.values()].filter((calendar) => calendar.owner === email);
  }

  find(calendarId: string): FakeCalendar | undefined {
    return this.#calendars.get(calendarId);
  }

  /** The calendar if `email` owns it ("primary" names the account's own); 404 otherwise, as for a stranger's. */
  ownedBy(email: string, calendarId: string): FakeCalendar {
    const id = calendarId === "primary" ? email : calendarId;
    const calendar = this.#calendars.get(id);
    if (!calendar || calendar.owner !== email) throw new GoogleApiError(calendarErrors.notFound());
    return calendar;
  }

  getCalendar(calendarId: string): FakeCalendar {
    const calendar = this.#calendars.get(calendarId);
    if (!calendar) throw new Error(`The fake Google has no calendar ${calendarId}.`);
    return calendar;
  }

  listEntry(calendar: FakeCalendar): CalendarListEntry {
    return {
      kind: "calendar#calendarListEntry",
      etag: `"${calendar.etagSeq}"`,
      id: calendar.id,
      summary: calendar.summary,
      ...(calendar.description && !calendar.primary ? { description: calendar.description } : {}),
      timeZone: calendar.timeZone,
      colorId: calendar.colorId,
      backgroundColor: calendar.backgroundColor,
      foregroundColor: calendar.foregroundColor,
      selected: true,
      accessRole: calendar.accessRole,
      defaultReminders: calendar.primary ? [{ method: "popup", minutes: 10 }] : [],
      ...(calendar.primary ? { primary: true } : {}),
    };
  }

  calendarResource(calendar: FakeCalendar) {
    return {
      kind: "calendar#calendar",
      etag: `"${calendar.etagSeq}"`,
      id: calendar.id,
      summary: calendar.summary,
      ...(calendar.description ? { description: calendar.description } : {}),
      timeZone: calendar.timeZone,
      conferenceProperties: { allowedConferenceSolutionTypes: ["hangoutsMeet"] },
    };
  }

  // ---- events ---------------------------------------------------------------------------

  #eventsOf(calendarId: string): Map<string, StoredEvent> {
    const events = this.#events.get(calendarId);
    if (!events) throw new GoogleApiError(calendarErrors.notFound());
    return events;
  }

  insertEvent(calendarId: string, input: EventInput): GoogleEvent {
    const calendar = this.getCalendar(calendarId);
    const events = this.#eventsOf(calendarId);
    const id = input.id ?? newEventId();
    if (!isValidEventId(id)) throw new GoogleApiError(calendarErrors.invalid("Invalid resource id value."));
    // An id stays taken after its event is deleted: inserting it again is a conflict.
    if (events.has(id)) throw new GoogleApiError(calendarErrors.duplicate());
    const now = new Date().toISOString();
    const event = this.#complete(calendar, {
      eventType: "default",
      status: "confirmed",
      sequence: 0,
      reminders: { useDefault: true },
      ...input,
      kind: "calendar#event",
      etag: "",
      id,
      htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${id} ${calendar.id}`).toString("base64url")}`,
      created: now,
      updated: now,
      iCalUID: input.recurringEventId ? `${input.recurringEventId}@google.com` : `${id}@google.com`,
      creator: { email: calendar.owner, self: true },
      organizer: calendar.primary
        ? { email: calendar.id, self: true }
        : { email: calendar.id, displayName: calendar.summary, self: true },
    } as GoogleEvent);
    validateEvent(event);
    if (event.recurrence && !isSupportedRecurrence(event.recurrence)) {
      throw new GoogleApiError(
        calendarErrors.invalid(`The fake Google cannot expand this recurrence: ${event.recurrence.join(" ")}`),
      );
    }
    this.#store(calendarId, event);
    return event;
  }

  /** An event, deleted ones included (events.get returns them with status "cancelled"). */
  getEvent(calendarId: string, eventId: string): GoogleEvent {
    const stored = this.#eventsOf(calendarId).get(eventId)?.event ?? this.#instance(calendarId, eventId);
    if (!stored) throw new GoogleApiError(calendarErrors.notFound());
    return stored;
  }

  /**
   * An instance of a recurring series by its id (`<series id>_<original start>`), as events.get
   * finds it. Changing or deleting it stores it as an exception of the series, as Google does.
   */
  #instance(calendarId: string, eventId: string): GoogleEvent | undefined {
    const seriesId = eventId.slice(0, Math.max(0, eventId.lastIndexOf("_")));
    const series = seriesId ? this.#events.get(calendarId)?.get(seriesId)?.event : undefined;
    if (!series?.recurrence) return undefined;
    return expandSeries(series, this.getCalendar(calendarId)).find((instance) => instance.id === eventId);
  }

  findEvent(calendarId: string, eventId: string): GoogleEvent | undefined {
    return this.#events.get(calendarId)?.get(eventId)?.event ?? this.#instance(calendarId, eventId);
  }

  /** PATCH semantics: given fields replace, nested objects merge, `null` clears; start/end replace whole. */
  patchEvent(calendarId: string, eventId: string, patch: Record<string, unknown>): GoogleEvent {
    const current = this.getEvent(calendarId, eventId);
    const writable = Object.fromEntries(Object.entries(patch).filter(([key]) => !COMPUTED_FIELDS.has(key)));
    const merged = mergePatch(current, writable) as GoogleEvent;
    return this.#update(calendarId, current, merged);
  }

  /** PUT semantics: the body is the whole new event; what it leaves out is gone. */
  replaceEvent(calendarId: string, eventId: string, body: EventInput): GoogleEvent {
    const current = this.getEvent(calendarId, eventId);
    const replaced = {
      eventType: current.eventType,
      status: "confirmed",
      reminders: { useDefault: true },
      ...body,
      kind: current.kind,
      id: current.id,
      htmlLink: current.htmlLink,
      created: current.created,
      iCalUID: current.iCalUID,
      creator: current.creator,
      organizer: current.organizer,
      sequence: current.sequence,
    } as GoogleEvent;
    return this.#update(calendarId, current, replaced);
  }

  deleteEvent(calendarId: string, eventId: string): void {
    const current = this.getEvent(calendarId, eventId);
    if (current.status === "cancelled") throw new GoogleApiError(calendarErrors.deleted());
    this.#store(calendarId, { ...current, status: "cancelled", updated: new Date().toISOString() });
  }

  #update(calendarId: string, current: GoogleEvent, next: GoogleEvent): GoogleEvent {
    const calendar = this.getCalendar(calendarId);
    const timesMoved = JSON.stringify([current.start, current.end]) !== JSON.stringify([next.start, next.end]);
    const event = this.#complete(calendar, {
      ...next,
      sequence: current.sequence + (timesMoved ? 1 : 0),
      updated: new Date(Math.max(Date.now(), Date.parse(current.updated) + 1)).toISOString(),
    });
    validateEvent(event);
    this.#store(calendarId, event);
    return event;
  }

  /** Marks the account's attendee entry `self`, as Google does for the calendar's owner. */
  #complete(calendar: FakeCalendar, event: GoogleEvent): GoogleEvent {
    if (!event.attendees) return event;
    return {
      ...event,
      attendees: event.attendees.map((attendee) =>
        attendee.email?.toLowerCase() === calendar.owner ? { ...attendee, self: true } : attendee,
      ),
    };
  }

  #store(calendarId: string, event: GoogleEvent): void {
    const changeSeq = ++this.#changeSeq;
    const stored = { event: { ...event, etag: `"${changeSeq}"` }, changeSeq };
    this.#eventsOf(calendarId).set(event.id, stored);
    this.onChange(calendarId);
  }

  /** Every stored event with its change number, for listings. */
  storedEvents(calendarId: string): StoredEvent[] {
    return [...this.#eventsOf(calendarId).values()];
  }

  events(calendarId: string, options: { includeDeleted?: boolean; singleEvents?: boolean } = {}): GoogleEvent[] {
    const calendar = this.getCalendar(calendarId);
    const stored = this.storedEvents(calendarId).map((row) => row.event);
    const exceptions = new Set(stored.filter((event) => event.recurringEventId).map((event) => event.id));
    const listed = options.singleEvents
      ? stored.flatMap((event) =>
          event.recurrence ? expandSeries(event, calendar).filter((instance) => !exceptions.has(instance.id)) : [event],
        )
      : stored;
    return listed
      .filter((event) => options.includeDeleted || event.status !== "cancelled")
      .sort((a, b) => instantOf(a.start, "UTC") - instantOf(b.start, "UTC"));
  }

  expireSyncTokens(calendarId?: string): void {
    for (const calendar of this.#calendars.values()) {
      if (!calendarId || calendar.id === calendarId) calendar.syncGeneration += 1;
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Fields Google computes: a client's value for them is ignored. */
const COMPUTED_FIELDS = new Set([
  "kind",
  "etag",
  "id",
  "htmlLink",
  "created",
  "updated",
  "iCalUID",
  "creator",
  "organizer",
]);

const REPLACED_WHOLE = new Set(["start", "end", "originalStartTime"]);

function mergePatch(target: object, patch: Record<string, unknown>, depth = 0): Record<string, unknown> {
  const result: Record<string, unknown> = { ...(target as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else if (isPlainObject(value) && isPlainObject(result[key]) && !(depth === 0 && REPLACED_WHOLE.has(key))) {
      result[key] = mergePatch(result[key] as object, value, depth + 1);
    } else result[key] = value;
  }
  return result;
}
