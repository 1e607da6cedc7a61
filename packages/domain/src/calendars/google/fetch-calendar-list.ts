import type { calendar_v3 } from "@googleapis/calendar";

/** One calendar of Google's calendarList, as we keep it. */
export type ListedCalendar = {
  externalId: string;
  name: string;
  color: string | null;
  primary: boolean;
  /** owner, writer, reader or freeBusyReader (calendar-access.ts). */
  accessRole: string;
};

/** Google's largest page; most people have fewer calendars than that. */
const PAGE_SIZE = 250;
/** A list longer than this is not a person's: stop rather than loop on a server that never ends. */
const MAX_PAGES = 20;

/** Every calendar in the account's calendar list, all pages followed. */
export async function fetchCalendarList(api: calendar_v3.Calendar): Promise<ListedCalendar[]> {
  const calendars: ListedCalendar[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { data } = await api.calendarList.list({ maxResults: PAGE_SIZE, ...(pageToken ? { pageToken } : {}) });
    for (const entry of data.items ?? []) {
      if (!entry.id) continue;
      calendars.push({
        externalId: entry.id,
        // The person's own name for a calendar wins over its owner's.
        name: entry.summaryOverride ?? entry.summary ?? entry.id,
        color: entry.backgroundColor ?? null,
        primary: entry.primary === true,
        // Google always says; a missing one is taken as read-only rather than risk refused writes.
        accessRole: entry.accessRole ?? "reader",
      });
    }
    pageToken = data.nextPageToken ?? undefined;
    if (!pageToken) break;
  }
  return calendars;
}
