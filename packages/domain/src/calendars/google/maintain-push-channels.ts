import type { calendar_v3 } from "@googleapis/calendar";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { GoogleConfig } from "./google-config.ts";
import { keepCalendarChannel } from "./keep-calendar-channel.ts";
import { stopCalendarChannel } from "./stop-calendar-channel.ts";

/**
 * After a sync: each synced calendar (busy or the write target, now holding a sync token)
 * keeps a live push channel when push is on (GoogleConfig.pushAddress); calendars that no
 * longer count, or every calendar when push is off, have theirs stopped. Best effort: the
 * periodic poll is the safety net, and the next sync tries again, so a failed channel call
 * never fails the sync.
 */
export async function maintainPushChannels({
  db,
  google,
  clock,
  api,
  connectionId,
  syncedIds,
}: {
  db: Db;
  google: GoogleConfig;
  clock: Clock;
  api: calendar_v3.Calendar;
  connectionId: string;
  syncedIds: readonly string[];
}): Promise<void> {
  const address = google.pushAddress;
  const kept = new Set(address ? syncedIds : []);
  const withChannels = await db.connectedCalendar.findMany({
    where: { connectionId, channelId: { not: null } },
    select: { id: true, channelId: true, channelResourceId: true },
  });
  for (const calendar of withChannels) {
    if (!kept.has(calendar.id)) await bestEffort(stopCalendarChannel({ db, api, calendar }));
  }
  if (!address) return;
  for (const calendarId of kept) {
    await bestEffort(keepCalendarChannel({ db, api, clock, address, calendarId }));
  }
}

async function bestEffort(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch {
    // Polling still finds the changes; the next sync opens or stops the channel again.
  }
}
