import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import type { WarningLog } from "../../shared/log.ts";
import type { SecretKeyring } from "../../shared/secrets/secret-keyring.ts";
import { connectionNotFound, googleNotConfigured } from "../calendars-errors.ts";
import { busyChanged } from "../events.ts";
import { removeFeed } from "../remove-feed.ts";
import type { DisconnectInput } from "../schemas.ts";
import { openRefreshToken } from "./connection-tokens.ts";
import { getAccessToken } from "./get-access-token.ts";
import { readGoogleFailure } from "./google-api-error.ts";
import { googleCallFailed } from "./google-call-failed.ts";
import { createCalendarApi, createGoogleOAuthClient } from "./google-clients.ts";
import type { GoogleConfig } from "./google-config.ts";
import { stopChannelAtGoogle } from "./stop-calendar-channel.ts";

/** Google's answers for an event that is already gone. */
const GONE = new Set([404, 410]);

/**
 * Removes one of the actor's calendar connections: a Google account (with its calendars,
 * their synced events and the record of events written for tasks, by cascade) or an iCal
 * feed, so the app has one Disconnect for both. With `removeWrittenEvents` the events
 * AgendaCraft wrote to the account's calendars are deleted in Google first; if that fails
 * nothing is removed here, so asking again finishes the job. Push channels are stopped and the
 * grant is then revoked at Google, both best effort (the connection goes whatever Google answers).
 */
export async function disconnectConnection({
  db,
  google,
  secrets,
  clock,
  events,
  actorId,
  input,
  log,
}: {
  db: Db;
  google: GoogleConfig | null | undefined;
  secrets: SecretKeyring;
  clock: Clock;
  events: EventRecorder;
  actorId: string;
  input: DisconnectInput;
  log?: WarningLog;
}): Promise<{ deleted: true }> {
  const connection = await db.calendarConnection.findFirst({
    where: { id: input.connectionId, userId: actorId },
    select: { id: true, refreshToken: true, calendars: { select: { busy: true } } },
  });
  if (!connection) {
    const feed = await db.calendarFeed.findFirst({
      where: { id: input.connectionId, userId: actorId },
      select: { id: true },
    });
    if (!feed) throw connectionNotFound();
    return removeFeed({ db, actorId, input: { id: feed.id }, events });
  }

  if (input.removeWrittenEvents) {
    if (!google) throw googleNotConfigured();
    await deleteWrittenEvents({ db, google, secrets, clock, events, actorId, connectionId: connection.id });
  }
  if (google) await stopPushChannels({ db, google, secrets, clock, events, actorId, connectionId: connection.id, log });
  if (google && connection.refreshToken) {
    try {
      await createGoogleOAuthClient(google).revokeToken(openRefreshToken(secrets, connection.refreshToken));
    } catch (error) {
      log?.warn(
        { err: readGoogleFailure(error).message },
        "could not revoke a Google grant; removing the connection anyway",
      );
    }
  }

  return withTransaction(db, async (tx) => {
    const { count } = await tx.calendarConnection.deleteMany({ where: { id: connection.id, userId: actorId } });
    if (count === 0) throw connectionNotFound();
    if (connection.calendars.some((calendar) => calendar.busy)) {
      await events.record(tx, [busyChanged(actorId, connection.id, "removed")]);
    }
    return { deleted: true as const };
  });
}

/** Best effort, before the grant goes: without it Google would not take the stop. */
async function stopPushChannels({
  db,
  google,
  secrets,
  clock,
  events,
  actorId,
  connectionId,
  log,
}: {
  db: Db;
  google: GoogleConfig;
  secrets: SecretKeyring;
  clock: Clock;
  events: EventRecorder;
  actorId: string;
  connectionId: string;
  log: WarningLog | undefined;
}): Promise<void> {
  const channels = await db.connectedCalendar.findMany({
    where: { connectionId, userId: actorId, channelId: { not: null }, channelResourceId: { not: null } },
    select: { channelId: true, channelResourceId: true },
  });
  if (channels.length === 0) return;
  try {
    const accessToken = await getAccessToken({ db, google, secrets, clock, events, connectionId, actorId });
    const api = createCalendarApi(google, accessToken);
    for (const { channelId, channelResourceId } of channels) {
      if (channelId && channelResourceId) await stopChannelAtGoogle(api, { channelId, channelResourceId });
    }
  } catch (error) {
    log?.warn(
      { err: readGoogleFailure(error).message },
      "could not stop a Google push channel; it expires on its own and its notifications are refused",
    );
  }
}

async function deleteWrittenEvents({
  db,
  google,
  secrets,
  clock,
  events,
  actorId,
  connectionId,
}: {
  db: Db;
  google: GoogleConfig;
  secrets: SecretKeyring;
  clock: Clock;
  events: EventRecorder;
  actorId: string;
  connectionId: string;
}): Promise<void> {
  const written = await db.taskCalendarEvent.findMany({
    where: { userId: actorId, calendar: { connectionId } },
    select: { id: true, externalEventId: true, calendar: { select: { externalId: true } } },
  });
  if (written.length === 0) return;
  try {
    const accessToken = await getAccessToken({ db, google, secrets, clock, events, connectionId, actorId });
    const api = createCalendarApi(google, accessToken);
    for (const event of written) {
      try {
        await api.events.delete({
          calendarId: event.calendar.externalId,
          eventId: event.externalEventId,
          sendUpdates: "none",
        });
      } catch (error) {
        if (!GONE.has(readGoogleFailure(error).status ?? 0)) throw error;
      }
      // Done one by one, so a retry after a failure does not delete again what is gone.
      await db.taskCalendarEvent.deleteMany({ where: { id: event.id } });
    }
  } catch (error) {
    throw googleCallFailed(error);
  }
}
