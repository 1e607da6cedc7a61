import type { JobSender } from "@agendacraft/db/jobs";
import type { Db } from "../../shared/db.ts";
import { channelTokenMatches } from "./channel-token.ts";
import { GoogleSyncJob } from "./google-sync-job-type.ts";

/** The X-Goog-* headers of one push notification, as received (any may be missing or forged). */
export type GoogleNotification = {
  channelId: string | undefined;
  channelToken: string | undefined;
  resourceId: string | undefined;
  resourceState: string | undefined;
};

/**
 * - `unknown`: no channel of ours has this id (stopped, replaced, or made up): 404.
 * - `refused`: the token or resource id does not match the channel's: 401.
 * - `opened`: Google's `sync` message for a new channel; nothing to read yet, nothing done.
 * - `queued`: the connection's sync job was sent.
 */
export type NotificationOutcome = "unknown" | "refused" | "opened" | "queued";

const MAX_HEADER_LENGTH = 512;

/**
 * A push notification from Google: unless it is a channel's opening `sync` message, checks it belongs to a live channel of ours (one indexed
 * lookup, then the token in constant time and the resource id), then sends the connection's
 * sync job. The job's singletonKey (the connection) with the `stately` policy keeps one
 * waiting per connection, so a burst of notifications gives one sync. The notification's
 * content is never trusted beyond naming the channel: the sync reads Google itself.
 */
export async function receiveGoogleNotification({
  db,
  jobs,
  notification,
}: {
  db: Db;
  jobs: JobSender;
  notification: GoogleNotification;
}): Promise<NotificationOutcome> {
  const { channelId, channelToken, resourceId, resourceState } = notification;
  // Google sends `sync` as events.watch opens the channel, often before we have stored it;
  // it asks for no work, so it is acknowledged without a lookup.
  if (resourceState === "sync") return "opened";
  if (!channelId || channelId.length > MAX_HEADER_LENGTH) return "unknown";
  const channel = await db.connectedCalendar.findUnique({
    where: { channelId },
    select: { connectionId: true, channelToken: true, channelResourceId: true },
  });
  if (!channel?.channelToken) return "unknown";
  const verified =
    channelToken !== undefined &&
    channelToken.length <= MAX_HEADER_LENGTH &&
    channelTokenMatches(channelToken, channel.channelToken) &&
    resourceId === channel.channelResourceId;
  if (!verified) return "refused";
  await jobs.send(GoogleSyncJob, { connectionId: channel.connectionId }, { singletonKey: channel.connectionId });
  return "queued";
}
