import { defineJob, defineJobType, type JobDefinition, type QueueOptions } from "@agendacraft/db/jobs";
import { z } from "zod";
import type { Clock } from "../shared/clock.ts";
import type { Db } from "../shared/db.ts";
import type { EventRecorder } from "../shared/events/event-recorder.ts";
import type { SecretKeyring } from "../shared/secrets/secret-keyring.ts";
import { SYNC_INTERVAL_MINUTES } from "./schemas.ts";
import { syncFeedById } from "./sync-feed.ts";

/** Re-reads every calendar not synced in the last SYNC_INTERVAL_MINUTES. */
export const SYNC_FEEDS_JOB = "calendars.sync-feeds";
/** The same job's name before the domain was renamed; the server deletes its queue at start. */
export const RETIRED_SYNC_FEEDS_JOB = "google-calendar.sync-feeds";
export const SyncFeedsJob = defineJobType(SYNC_FEEDS_JOB, z.object({}));
export const SYNC_FEEDS_CRON = `*/${SYNC_INTERVAL_MINUTES} * * * *`;

export const SYNC_FEEDS_QUEUE_OPTIONS: QueueOptions = {
  // The next tick is the retry.
  retryLimit: 0,
  retryDelay: 60,
  retryBackoff: false,
  expireInSeconds: SYNC_INTERVAL_MINUTES * 60,
  // One run at a time and at most one waiting, however many processes send the tick.
  policy: "stately",
};

/**
 * A feed synced a little less than an interval ago is due too; otherwise one synced just
 * after a tick would wait two intervals.
 */
const STALE_AFTER_MS = (SYNC_INTERVAL_MINUTES - 1) * 60_000;

/** Never the feed's address: it is a secret. */
export type SyncFeedsLog = {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
};

/** Syncs the due feeds one after another; each failure stays with its feed (`lastError`). */
export async function syncStaleFeeds({
  db,
  clock,
  secrets,
  events,
  log,
  signal,
  allowPrivateNetworks = false,
}: {
  db: Db;
  clock: Clock;
  secrets: SecretKeyring;
  events: EventRecorder;
  log?: SyncFeedsLog;
  signal?: AbortSignal;
  /** Download from loopback and private networks too (tests only; see CalendarFetchOptions). */
  allowPrivateNetworks?: boolean;
}): Promise<{ synced: number; failed: number }> {
  const staleBefore = new Date(clock.now().getTime() - STALE_AFTER_MS);
  const due = await db.calendarFeed.findMany({
    where: { OR: [{ lastSyncedAt: null }, { lastSyncedAt: { lt: staleBefore } }] },
    orderBy: [{ lastSyncedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    select: { id: true },
  });
  let synced = 0;
  let failed = 0;
  for (const { id } of due) {
    if (signal?.aborted) break;
    try {
      const result = await syncFeedById({
        db,
        clock,
        secrets,
        feedId: id,
        allowPrivateNetworks,
        events,
        ...(signal ? { signal } : {}),
      });
      if (result?.ok === false) failed++;
      else if (result) synced++;
    } catch (error) {
      failed++;
      // The error's name only: an unexpected error's text could quote what it was given.
      log?.warn({ feedId: id, error: (error as Error).name }, "calendar sync failed");
    }
  }
  log?.info({ due: due.length, synced, failed }, "calendars synced");
  return { synced, failed };
}

export function createSyncFeedsJob({
  db,
  clock,
  secrets,
  events,
  log,
  allowPrivateNetworks = false,
}: {
  db: Db;
  clock: Clock;
  secrets: SecretKeyring;
  events: EventRecorder;
  log?: SyncFeedsLog;
  allowPrivateNetworks?: boolean;
}): JobDefinition<typeof SyncFeedsJob> {
  return defineJob({
    type: SyncFeedsJob,
    queueOptions: SYNC_FEEDS_QUEUE_OPTIONS,
    cron: SYNC_FEEDS_CRON,
    async handler(job) {
      await syncStaleFeeds({
        db,
        clock,
        secrets,
        signal: job.signal,
        allowPrivateNetworks,
        events,
        ...(log ? { log } : {}),
      });
    },
  });
}
