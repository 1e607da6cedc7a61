import { randomUUID } from "node:crypto";
import type { calendar_v3 } from "@googleapis/calendar";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import { newChannelToken } from "./channel-token.ts";
import { CHANNEL_RENEWAL_MARGIN_MS, CHANNEL_TTL_SECONDS } from "./push-channel-rules.ts";
import { stopChannelAtGoogle } from "./stop-calendar-channel.ts";

/**
 * Makes sure one synced calendar has a live push channel to `address`: opens one when it has
 * none, or when its channel expires within CHANNEL_RENEWAL_MARGIN_MS. A renewal opens the new
 * channel first and stops the old one after, so no change goes unnoticed in between.
 * Resolves with whether a channel was opened.
 */
export async function keepCalendarChannel({
  db,
  api,
  clock,
  address,
  calendarId,
}: {
  db: Db;
  api: calendar_v3.Calendar;
  clock: Clock;
  address: string;
  /** Our ConnectedCalendar id. */
  calendarId: string;
}): Promise<boolean> {
  const calendar = await db.connectedCalendar.findUniqueOrThrow({
    where: { id: calendarId },
    select: { externalId: true, channelId: true, channelResourceId: true, channelExpiresAt: true },
  });
  const renewFrom = clock.now().getTime() + CHANNEL_RENEWAL_MARGIN_MS;
  if (calendar.channelId && calendar.channelExpiresAt && calendar.channelExpiresAt.getTime() > renewFrom) return false;

  const { token, hash } = newChannelToken();
  const opened = await api.events.watch({
    calendarId: calendar.externalId,
    requestBody: { id: randomUUID(), type: "web_hook", address, token, params: { ttl: String(CHANNEL_TTL_SECONDS) } },
  });
  const { id, resourceId, expiration } = opened.data;
  if (!id || !resourceId) throw new Error("Google answered events.watch without a channel id or resource id");
  await db.connectedCalendar.update({
    where: { id: calendarId },
    data: {
      channelId: id,
      channelResourceId: resourceId,
      channelToken: hash,
      channelExpiresAt: new Date(expiration ? Number(expiration) : clock.now().getTime() + CHANNEL_TTL_SECONDS * 1000),
    },
  });
  if (calendar.channelId && calendar.channelResourceId) {
    await stopChannelAtGoogle(api, { channelId: calendar.channelId, channelResourceId: calendar.channelResourceId });
  }
  return true;
}
