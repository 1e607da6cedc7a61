import { defineJob, type JobDefinition, type JobSender } from "@agendacraft/db/jobs";
import type { Clock } from "../clock.ts";
import type { Db } from "../db.ts";
import type { WarningLog } from "../log.ts";
import { dispatchEvents } from "./dispatch-events.ts";
import {
  DISPATCH_EVENTS_QUEUE_OPTIONS,
  DispatchEventsJob,
  PRUNE_EVENTS_CRON,
  PRUNE_EVENTS_QUEUE_OPTIONS,
  PruneEventsJob,
  SWEEP_EVENTS_CRON,
  SWEEP_EVENTS_QUEUE_OPTIONS,
  SweepEventsJob,
} from "./dispatch-events-job-type.ts";
import { findLaggingPersons } from "./find-lagging-persons.ts";
import { pruneDeliveredEvents } from "./prune-delivered-events.ts";
import type { Subscriber } from "./subscriber.ts";

/**
 * The dispatcher, its sweep and the daily prune, for the composition root to register with the app's
 * subscribers. A dispatch whose subscriber failed throws, so the job retries with backoff;
 * the subscribers that succeeded have nothing left to do on the retry.
 */
export function createEventJobs({
  db,
  jobs,
  subscribers,
  clock,
  log,
}: {
  db: Db;
  jobs: JobSender;
  subscribers: readonly Subscriber[];
  clock: Clock;
  log?: WarningLog;
}): JobDefinition[] {
  const names = new Set<string>();
  for (const { name } of subscribers) {
    if (names.has(name)) throw new Error(`two event subscribers are named "${name}"`);
    names.add(name);
  }
  const dispatch = defineJob({
    type: DispatchEventsJob,
    queueOptions: DISPATCH_EVENTS_QUEUE_OPTIONS,
    async handler(job) {
      const { failed } = await dispatchEvents({
        db,
        userId: job.data.userId,
        subscribers,
        clock,
        ...(log ? { log } : {}),
      });
      if (failed.length > 0) {
        throw new Error(
          `event subscribers failed: ${failed.map((each) => `${each.subscriber} at ${each.seq}`).join(", ")}`,
        );
      }
    },
  });
  const sweep = defineJob({
    type: SweepEventsJob,
    queueOptions: SWEEP_EVENTS_QUEUE_OPTIONS,
    cron: SWEEP_EVENTS_CRON,
    async handler() {
      const userIds = await findLaggingPersons({ db, subscribers: [...names] });
      await jobs.sendMany(
        DispatchEventsJob,
        userIds.map((userId) => ({ data: { userId }, singletonKey: userId })),
      );
    },
  });
  const prune = defineJob({
    type: PruneEventsJob,
    queueOptions: PRUNE_EVENTS_QUEUE_OPTIONS,
    cron: PRUNE_EVENTS_CRON,
    async handler() {
      await pruneDeliveredEvents({ db, subscribers: [...names], now: clock.now() });
    },
  });
  return [dispatch, sweep, prune] as JobDefinition[];
}
