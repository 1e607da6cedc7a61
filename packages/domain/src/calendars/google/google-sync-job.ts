import {
  defineJob,
  defineJobType,
  type JobDefinition,
  type JobSender,
  type QueueOptions,
  RetryLaterError,
} from "@agendacraft/db/jobs";
import { z } from "zod";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { EVERY_MINUTE_CRON, EVERY_MINUTE_SCHEDULE_QUEUE_OPTIONS } from "../../shared/every-minute-schedule.ts";
import type { SecretKeyring } from "../../shared/secrets/secret-keyring.ts";
import { applyOwnEventChanges } from "./apply-own-event-changes.ts";
import type { GoogleConfig } from "./google-config.ts";
import { GOOGLE_SYNC_QUEUE_OPTIONS, GoogleSyncJob } from "./google-sync-job-type.ts";
import { CHANNEL_RENEWAL_MARGIN_MS } from "./push-channel-rules.ts";
import { type OnOwnEvents, syncConnection } from "./sync-connection.ts";

/** Every minute (cron's finest step): sends a sync for each Google connection that is due. */
export const GOOGLE_SYNC_SCHEDULE_JOB = "calendars.google.sync-schedule";
export const GoogleSyncScheduleJob = defineJobType(GOOGLE_SYNC_SCHEDULE_JOB, z.object({}));
export const GOOGLE_SYNC_SCHEDULE_CRON = EVERY_MINUTE_CRON;
const GOOGLE_SYNC_SCHEDULE_QUEUE_OPTIONS = EVERY_MINUTE_SCHEDULE_QUEUE_OPTIONS;

/** When a quota answer names no Retry-After, the queue's backoff alone decides. */
const QUOTA_WAIT_WITHOUT_RETRY_AFTER_SECONDS = 1;

/** A connection synced a little less than an interval ago is due too; otherwise it would wait two. */
const DUE_SLACK_SECONDS = 30;

/**
 * Sends one `calendars.google.sync` job (singletonKey: the connection) for every Google
 * connection not synced within GOOGLE_SYNC_INTERVAL_SECONDS, or (with `renewChannels`) with a
 * push channel expiring within CHANNEL_RENEWAL_MARGIN_MS (the sync renews it), and not waiting
 * to be reconnected. The queue's `stately` policy keeps one running and one waiting per
 * connection, however often this runs. Resolves with how many were sent.
 */
export async function sendDueGoogleSyncs({
  db,
  jobs,
  clock,
  intervalSeconds,
  renewChannels = false,
}: {
  db: Db;
  jobs: JobSender;
  clock: Clock;
  intervalSeconds: number;
  /** Push is on (GoogleConfig.pushAddress): channels close to expiry make their connection due. */
  renewChannels?: boolean;
}): Promise<number> {
  const now = clock.now().getTime();
  const dueBefore = new Date(now - Math.max(0, intervalSeconds - DUE_SLACK_SECONDS) * 1000);
  const renewBefore = new Date(now + CHANNEL_RENEWAL_MARGIN_MS);
  const due = await db.calendarConnection.findMany({
    where: {
      kind: "google",
      status: { not: "needs_reconnect" },
      OR: [
        { lastSyncedAt: null },
        { lastSyncedAt: { lt: dueBefore } },
        ...(renewChannels ? [{ calendars: { some: { channelExpiresAt: { lt: renewBefore } } } }] : []),
      ],
    },
    orderBy: [{ lastSyncedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    select: { id: true },
  });
  const sent = await jobs.sendMany(
    GoogleSyncJob,
    due.map(({ id }) => ({ data: { connectionId: id }, singletonKey: id })),
  );
  return sent.filter((id) => id !== null).length;
}

type GoogleSyncJobDeps = {
  db: Db;
  /** Null when the server has no Google client: the jobs then do nothing. */
  google: GoogleConfig | null | undefined;
  secrets: SecretKeyring;
  clock: Clock;
  events: EventRecorder;
  jobs: JobSender;
  /** Tests shorten the retry delay; the server keeps GOOGLE_SYNC_QUEUE_OPTIONS. */
  queueOptions?: QueueOptions;
};

/** The write-back's reaction to AgendaCraft's own events seen by a sync (moved or deleted in Google). */
export function ownEventsHandler({
  db,
  jobs,
  events,
  clock,
}: Pick<GoogleSyncJobDeps, "db" | "jobs" | "events" | "clock">): OnOwnEvents {
  return (input) => applyOwnEventChanges({ db, jobs, events, clock, ...input });
}

/**
 * Syncs one connection. A quota answer (429, 403 rate or usage limit) fails the job with
 * RetryLaterError, so pg-boss retries it with exponential backoff and jitter, never before
 * Google's Retry-After; a network failure or 5xx fails it plainly (backoff alone). A
 * connection needing reconnection, or a failure asking again cannot fix, completes the
 * job: its lastError tells the person, and no retry storm follows.
 */
export function createGoogleSyncJob({
  queueOptions = GOOGLE_SYNC_QUEUE_OPTIONS,
  ...deps
}: GoogleSyncJobDeps): JobDefinition<typeof GoogleSyncJob> {
  return defineJob({
    type: GoogleSyncJob,
    queueOptions,
    async handler(job) {
      const { google } = deps;
      if (!google) return;
      const result = await syncConnection({
        ...deps,
        google,
        connectionId: job.data.connectionId,
        onOwnEvents: ownEventsHandler(deps),
        signal: job.signal,
      }).catch((error: unknown) => {
        // Removed since the job was sent: nothing left to sync.
        if ((error as { code?: string }).code === "calendars.connection_not_found") return null;
        throw error;
      });
      if (!result?.retry) return;
      const message = `Google Calendar sync of connection ${job.data.connectionId} failed; retrying`;
      if (result.retry.quota) {
        throw new RetryLaterError(result.retry.afterSeconds ?? QUOTA_WAIT_WITHOUT_RETRY_AFTER_SECONDS, message);
      }
      throw new Error(message);
    },
  });
}

/** The minute tick that sends the due connections' syncs. */
export function createGoogleSyncScheduleJob({
  db,
  jobs,
  clock,
  google,
}: Pick<GoogleSyncJobDeps, "db" | "jobs" | "clock" | "google">): JobDefinition<typeof GoogleSyncScheduleJob> {
  return defineJob({
    type: GoogleSyncScheduleJob,
    queueOptions: GOOGLE_SYNC_SCHEDULE_QUEUE_OPTIONS,
    cron: GOOGLE_SYNC_SCHEDULE_CRON,
    async handler() {
      if (!google) return;
      await sendDueGoogleSyncs({
        db,
        jobs,
        clock,
        intervalSeconds: google.syncIntervalSeconds,
        renewChannels: Boolean(google.pushAddress),
      });
    },
  });
}
