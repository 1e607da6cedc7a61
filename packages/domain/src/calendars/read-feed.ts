import type { Clock } from "../shared/clock.ts";
import { type BusyOccurrence, expandBusyEventsInTurns } from "./expand-busy-events.ts";
import { fetchCalendarText } from "./fetch-calendar-text.ts";
import { SYNC_FUTURE_DAYS, SYNC_PAST_DAYS } from "./schemas.ts";

const DAY_MS = 86_400_000;

/** The span a sync keeps busy time for, around now. */
export function syncWindow(now: Date): { from: Date; to: Date } {
  return {
    from: new Date(now.getTime() - SYNC_PAST_DAYS * DAY_MS),
    to: new Date(now.getTime() + SYNC_FUTURE_DAYS * DAY_MS),
  };
}

/** Downloads a feed and expands it into the busy occurrences of the sync window. Touches no database. */
export async function readFeed({
  url,
  timeZone,
  clock,
  signal,
  allowPrivateNetworks = false,
}: {
  url: string;
  timeZone: string;
  clock: Clock;
  signal?: AbortSignal;
  /** See CalendarFetchOptions; off in production. */
  allowPrivateNetworks?: boolean;
}): Promise<BusyOccurrence[]> {
  const text = await fetchCalendarText(url, { allowPrivateNetworks, ...(signal ? { signal } : {}) });
  return expandBusyEventsInTurns({ text, ...syncWindow(clock.now()), timeZone });
}
