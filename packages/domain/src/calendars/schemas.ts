import { z } from "zod";
import { zInstant } from "../shared/instant.ts";
import { ZReturnTo } from "../shared/return-to.ts";
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

/** Google's scope URLs in the words a person sees; the callback names a missing one by its key here. */
export const GOOGLE_CALENDAR_PERMISSIONS = {
  "calendar.calendarlist.readonly": "See the list of your calendars",
  "calendar.events": "View and edit events on your calendars",
  "calendar.app.created": "Make a calendar of its own for your planned tasks",
} as const;
export type GoogleCalendarPermission = keyof typeof GOOGLE_CALENDAR_PERMISSIONS;

/** What `?google=` says after "Connect Google Calendar" returns to the app. */
export const GOOGLE_CONNECT_OUTCOMES = ["connected", "denied", "missing_scope", "expired", "failed"] as const;
export type GoogleConnectOutcome = (typeof GOOGLE_CONNECT_OUTCOMES)[number];

export const ZConnectionStatus = z.enum(["ok", "syncing", "needs_reconnect", "error"]);
export type ConnectionStatus = z.infer<typeof ZConnectionStatus>;

export const ZConnectionId = z.uuid("Unknown connection");

/** A path inside the app (never another site): "/settings", "/settings/connections?tab=google". */
export { ZReturnTo };

export const ZConnectUrlInput = z.object({ returnTo: ZReturnTo.optional() }).optional();
export type ConnectUrlInput = z.infer<typeof ZConnectUrlInput>;

export const ZConnectUrl = z.object({ url: z.url() });

export const ZConnectedCalendar = z.object({
  id: z.uuid(),
  /** Google's calendar id; an iCal feed's own id. */
  externalId: z.string(),
  name: z.string(),
  color: z.string().nullable(),
  busy: z.boolean(),
  /** All-day events block the day (only Google calendars can choose; feeds: false). */
  allDayBusy: z.boolean(),
  writeTarget: z.boolean(),
  /** Shared read-only in Google (accessRole reader or freeBusyReader): it cannot be the write target. Feeds: true. */
  readOnly: z.boolean(),
});
export type ConnectedCalendarDto = z.infer<typeof ZConnectedCalendar>;

export const ZCalendarConnection = z.object({
  /** The connection's id, or an iCal feed's id (kind "ical"). */
  id: z.uuid(),
  kind: z.enum(["google", "ical"]),
  /** The Google account's name and email, or the feed's name. */
  name: z.string(),
  /** The Google account's email; null for a feed. */
  email: z.string().nullable(),
  status: ZConnectionStatus,
  lastSyncedAt: z.date().nullable(),
  lastError: z.string().nullable(),
  calendars: z.array(ZConnectedCalendar),
});
export type CalendarConnectionDto = z.infer<typeof ZCalendarConnection>;

export const ZUpdateCalendarInput = z.object({
  id: z.uuid("Unknown calendar"),
  busy: z.boolean().optional(),
  writeTarget: z.boolean().optional(),
  allDayBusy: z.boolean().optional(),
});
export type UpdateCalendarInput = z.infer<typeof ZUpdateCalendarInput>;

export const ZCreateWriteCalendarInput = z.object({
  connectionId: ZConnectionId,
  name: ZText.trim().min(1, "Enter a name").max(100, "Use at most 100 characters").optional(),
});
export type CreateWriteCalendarInput = z.infer<typeof ZCreateWriteCalendarInput>;

export const ZDisconnectInput = z.object({
  /** A Google connection's id, or an iCal feed's id. */
  connectionId: ZConnectionId,
  /** Also delete, in Google, the events AgendaCraft wrote for tasks. */
  removeWrittenEvents: z.boolean().default(false),
});
export type DisconnectInput = z.infer<typeof ZDisconnectInput>;

/** "Sync now": a Google connection's id, or an iCal feed's (feeds appear as connections in calendars.list). */
export const ZSyncInput = z.object({ connectionId: ZConnectionId });
export type SyncInput = z.infer<typeof ZSyncInput>;

export const ZSyncResult = z.object({
  status: ZConnectionStatus,
  /** Busy events added, changed or removed, plus tasks moved by changes made in Google. */
  changed: z.number().int().nonnegative(),
});
export type SyncResultDto = z.infer<typeof ZSyncResult>;
