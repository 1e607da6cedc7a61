import { z } from "zod";
import { zInstant } from "../shared/instant.ts";
import { ZText } from "../shared/text.ts";
import { refineTimeRange } from "../shared/time-range.ts";

/** Busy time is kept from a week back (what the week view still shows) to 90 days ahead (the plan's reach). */
export const SYNC_PAST_DAYS = 7;
export const SYNC_FUTURE_DAYS = 90;
/** How often the worker re-reads every feed. */
export const SYNC_INTERVAL_MINUTES = 15;
export const MAX_BUSY_RANGE_DAYS = 42;
/** One call lists at most this many events (the earliest); ask for a shorter range to see the rest. */
export const MAX_BUSY_EVENTS_PER_CALL = 2000;
export const MAX_FEEDS_PER_USER = 20;

export const ZFeedName = ZText.trim().min(1, "Enter a name").max(100, "Use at most 100 characters");
export const ZFeedId = z.uuid("Unknown calendar");

/** The secret iCal address; Google's starts with https://calendar.google.com/calendar/ical/. */
export const ZFeedUrl = ZText.trim()
  .max(2000, "That address is too long")
  .pipe(
    z.url({
      protocol: /^https?$/,
      error: "Enter the calendar's address, starting with https://",
    }),
  );

export const ZAddFeedInput = z.object({ name: ZFeedName, url: ZFeedUrl });
export type AddFeedInput = z.infer<typeof ZAddFeedInput>;

export const ZFeedIdInput = z.object({ id: ZFeedId });
export type FeedIdInput = z.infer<typeof ZFeedIdInput>;

export const ZCalendarFeed = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Masked: origin, "…" and the last path segment (`https://calendar.google.com/…/basic.ics`); the secret never leaves the server. */
  url: z.string(),
  createdAt: z.date(),
  /** The last successful sync. */
  lastSyncedAt: z.date().nullable(),
  /** Why the last sync failed (the events of the last good sync are kept); null after a success. */
  lastError: z.string().nullable(),
  /** Busy events stored from the last good sync. */
  eventCount: z.number().int(),
});
export type CalendarFeedDto = z.infer<typeof ZCalendarFeed>;

export const ZListBusyInput = z
  .object({
    from: zInstant("Give the start of the range as a date"),
    to: zInstant("Give the end of the range as a date"),
  })
  .superRefine(
    refineTimeRange({
      maxDays: MAX_BUSY_RANGE_DAYS,
      invalidCode: "calendars.invalid_range",
      tooLongCode: "calendars.range_too_long",
    }),
  );
export type ListBusyInput = z.infer<typeof ZListBusyInput>;

/** One interval of busy time, from whichever calendar: iCal feeds name their feed as both connection and calendar. */
export const ZBusyEvent = z.object({
  id: z.uuid(),
  start: z.date(),
  end: z.date(),
  summary: z.string(),
  connectionId: z.uuid(),
  calendarId: z.uuid(),
});
export type BusyEventDto = z.infer<typeof ZBusyEvent>;

/** The earliest MAX_BUSY_EVENTS_PER_CALL busy intervals of the range, by start. */
export const ZBusyList = z.array(ZBusyEvent);
export type BusyListDto = z.infer<typeof ZBusyList>;
