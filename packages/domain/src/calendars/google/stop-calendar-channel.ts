import type { calendar_v3 } from "@googleapis/calendar";
import type { Db } from "../../shared/db.ts";
import { readGoogleFailure } from "./google-api-error.ts";

export type OpenChannel = { channelId: string; channelResourceId: string };

/** channels.stop; a channel Google no longer knows (404) is as good as stopped. */
export async function stopChannelAtGoogle(api: calendar_v3.Calendar, channel: OpenChannel): Promise<void> {
  try {
    await api.channels.stop({ requestBody: { id: channel.channelId, resourceId: channel.channelResourceId } });
  } catch (error) {
    if (readGoogleFailure(error).status !== 404) throw error;
  }
}

/**
 * Stops one calendar's push channel at Google, then forgets it, so its notifications are
 * refused from here on. Forgotten even when Google could not be told: the channel then
 * simply expires, and our route answers its notifications 404 meanwhile.
 */
export async function stopCalendarChannel({
  db,
  api,
  calendar,
}: {
  db: Db;
  api: calendar_v3.Calendar;
  calendar: { id: string; channelId: string | null; channelResourceId: string | null };
}): Promise<void> {
  const { channelId, channelResourceId } = calendar;
  if (!channelId) return;
  try {
    if (channelResourceId) await stopChannelAtGoogle(api, { channelId, channelResourceId });
  } finally {
    await forgetChannel(db, calendar.id, channelId);
  }
}

/** Clears the channel only if it is still the one named (a renewal may have replaced it meanwhile). */
export async function forgetChannel(db: Db, calendarId: string, channelId: string): Promise<void> {
  await db.connectedCalendar.updateMany({
    where: { id: calendarId, channelId },
    data: { channelId: null, channelResourceId: null, channelToken: null, channelExpiresAt: null },
  });
}
