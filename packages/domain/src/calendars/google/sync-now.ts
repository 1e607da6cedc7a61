import type { JobSender } from "@agendacraft/db/jobs";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import type { SecretKeyring } from "../../shared/secrets/secret-keyring.ts";
import { connectionNotFound } from "../calendars-errors.ts";
import type { SyncInput, SyncResultDto } from "../schemas.ts";
import { syncFeedCounting } from "../sync-feed.ts";
import type { GoogleConfig } from "./google-config.ts";
import { ownEventsHandler } from "./google-sync-job.ts";
import { GoogleSyncJob } from "./google-sync-job-type.ts";
import { requireGoogle } from "./require-google.ts";
import { syncConnection } from "./sync-connection.ts";

/** "Sync now" answers within 30 s: past this, the sync carries on as a job and the answer says `syncing`. */
export const SYNC_NOW_DEADLINE_MS = 25_000;

/**
 * "Sync now" for any of the actor's connections: a Google connection is synced here (its
 * status and the number of busy events and tasks that changed come back), an iCal feed's
 * id re-reads that feed. A connection waiting to be reconnected is not synced and answers
 * `needs_reconnect`. Another person's id is NOT_FOUND like an unknown one.
 */
export async function syncNow({
  db,
  google,
  secrets,
  clock,
  events,
  jobs,
  actorId,
  input,
  allowPrivateNetworks = false,
  deadlineMs = SYNC_NOW_DEADLINE_MS,
}: {
  db: Db;
  google: GoogleConfig | null | undefined;
  secrets: SecretKeyring;
  clock: Clock;
  events: EventRecorder;
  jobs: JobSender;
  actorId: string;
  input: SyncInput;
  /** For iCal feeds: download from loopback and private networks too (tests only). */
  allowPrivateNetworks?: boolean;
  deadlineMs?: number;
}): Promise<SyncResultDto> {
  const connection = await db.calendarConnection.findFirst({
    where: { id: input.connectionId, userId: actorId },
    select: { id: true },
  });
  if (!connection) {
    const feed = await db.calendarFeed.findFirst({
      where: { id: input.connectionId, userId: actorId },
      select: { id: true },
    });
    if (!feed) throw connectionNotFound();
    const synced = await syncFeedCounting({
      db,
      clock,
      secrets,
      events,
      actorId,
      input: { id: feed.id },
      allowPrivateNetworks,
    });
    return { status: synced.feed.lastError ? "error" : "ok", changed: synced.changed };
  }
  const result = await syncConnection({
    db,
    google: requireGoogle(google),
    secrets,
    clock,
    events,
    actorId,
    connectionId: connection.id,
    onOwnEvents: ownEventsHandler({ db, jobs, events, clock }),
    signal: AbortSignal.timeout(deadlineMs),
  });
  // Out of time: the job finishes what is left (the calendars done so far keep their progress).
  if (result.status === "syncing")
    await jobs.send(GoogleSyncJob, { connectionId: connection.id }, { singletonKey: connection.id });
  return { status: result.status, changed: result.changed };
}
