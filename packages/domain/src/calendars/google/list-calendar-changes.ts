import type { calendar_v3 } from "@googleapis/calendar";
import { readGoogleFailure } from "./google-api-error.ts";
import type { GoogleEvent } from "./read-google-event.ts";

/** Google's largest page is 2500; 250 (its default) keeps each answer small. */
const PAGE_SIZE = 250;
/** A calendar with more pages than this is not a person's calendar; stop rather than loop. */
const MAX_PAGES = 200;

export type CalendarChanges = {
  /** A full list of the window (no usable sync token): what it does not name is gone. */
  full: boolean;
  events: GoogleEvent[];
  nextSyncToken: string;
};

/**
 * Everything that changed in one calendar since `syncToken`, every page followed. Without
 * a token, or when Google answers 410 Gone (the token expired), the whole window is listed
 * instead. `singleEvents` makes a recurring event arrive as its instances, each at its own
 * (possibly moved) time; Google keeps the token bound to that, so both kinds of list use it.
 */
export async function listCalendarChanges({
  api,
  calendarId,
  syncToken,
  window,
  signal,
}: {
  api: calendar_v3.Calendar;
  /** Google's id of the calendar. */
  calendarId: string;
  syncToken: string | null;
  window: { from: Date; to: Date };
  signal?: AbortSignal;
}): Promise<CalendarChanges> {
  if (syncToken) {
    try {
      return { full: false, ...(await listAllPages({ api, calendarId, query: { syncToken }, signal })) };
    } catch (error) {
      if (readGoogleFailure(error).status !== 410) throw error;
    }
  }
  const query = { timeMin: window.from.toISOString(), timeMax: window.to.toISOString() };
  return { full: true, ...(await listAllPages({ api, calendarId, query, signal })) };
}

async function listAllPages({
  api,
  calendarId,
  query,
  signal,
}: {
  api: calendar_v3.Calendar;
  calendarId: string;
  query: { syncToken: string } | { timeMin: string; timeMax: string };
  signal: AbortSignal | undefined;
}): Promise<{ events: GoogleEvent[]; nextSyncToken: string }> {
  const events: GoogleEvent[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    // gaxios drops a signal that is already aborted (it keeps only its own timeout): check first.
    signal?.throwIfAborted();
    const { data } = await api.events.list(
      { calendarId, singleEvents: true, maxResults: PAGE_SIZE, ...query, ...(pageToken ? { pageToken } : {}) },
      signal ? { signal } : {},
    );
    events.push(...(data.items ?? []));
    if (data.nextPageToken) {
      pageToken = data.nextPageToken;
      continue;
    }
    if (!data.nextSyncToken) throw new Error("Google's last page of events carries no nextSyncToken");
    return { events, nextSyncToken: data.nextSyncToken };
  }
  throw new Error(`the calendar has more than ${MAX_PAGES} pages of events`);
}
