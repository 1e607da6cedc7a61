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
import type { WarningLog } from "../../shared/log.ts";
import type { SecretKeyring } from "../../shared/secrets/secret-keyring.ts";
import { TodoistAuthError, TodoistRateLimitError } from "../api/todoist-request-errors.ts";
import type { TodoistConfig } from "../todoist-config.ts";
import { runTodoistSync, TodoistConnectionGoneError } from "./run-todoist-sync.ts";
import { TodoistSyncBusyError } from "./todoist-run-lease.ts";
import { TODOIST_SYNC_QUEUE_OPTIONS, TodoistSyncJob } from "./todoist-sync-job-type.ts";

/** Every minute (cron's finest step): sends a sync for each Todoist connection that is due. */
export const TodoistSyncScheduleJob = defineJobType("todoist.sync-schedule", z.object({}));
export const TODOIST_SYNC_SCHEDULE_CRON = EVERY_MINUTE_CRON;
const TODOIST_SYNC_SCHEDULE_QUEUE_OPTIONS = EVERY_MINUTE_SCHEDULE_QUEUE_OPTIONS;

/** A connection synced a little less than an interval ago is due too; otherwise it would wait two. */
const DUE_SLACK_SECONDS = 30;
/** Another run holds the connection (todoist.sync() inline, another worker): look again after this. */
const BUSY_RETRY_SECONDS = 30;

type TodoistSyncJobDeps = {
  db: Db;
  config: TodoistConfig;
  secrets: SecretKeyring;
  clock: Clock;
  events: EventRecorder;
  jobs: JobSender;
  log?: WarningLog;
  /** Tests shorten the retry delay; the server keeps TODOIST_SYNC_QUEUE_OPTIONS. */
  queueOptions?: QueueOptions;
};

/**
 * Runs one connection's sync (runTodoistSync). A 429 fails the job with RetryLaterError, so
 * pg-boss retries it no sooner than Todoist's Retry-After; a 5xx or network failure fails it
 * plainly (the queue's backoff). A refused token completes the job: the connection is
 * needs_reconnect and says so, and retrying cannot help. A connection removed meanwhile
 * has nothing left to sync.
 */
export function createTodoistSyncJob({
  queueOptions = TODOIST_SYNC_QUEUE_OPTIONS,
  ...deps
}: TodoistSyncJobDeps): JobDefinition<typeof TodoistSyncJob> {
  return defineJob({
    type: TodoistSyncJob,
    queueOptions,
    async handler(job) {
      const { connectionId } = job.data;
      try {
        await runTodoistSync({ ...deps, connectionId, signal: job.signal });
      } catch (error) {
        if (error instanceof TodoistConnectionGoneError || error instanceof TodoistAuthError) return;
        const message = `Todoist sync of connection ${connectionId} failed; retrying`;
        if (error instanceof TodoistRateLimitError) {
          throw new RetryLaterError(error.retryAfterSeconds, message, { cause: error });
        }
        if (error instanceof TodoistSyncBusyError) {
          throw new RetryLaterError(BUSY_RETRY_SECONDS, message, { cause: error });
        }
        throw error;
      }
    },
  });
}

/**
 * Sends one `todoist.sync` job (singletonKey: the connection) for every connection that is
 * ok and not synced within `intervalSeconds`. The queue's `stately` policy keeps one running
 * and one waiting per connection, however often this runs. Resolves with how many were sent.
 */
export async function sendDueTodoistSyncs({
  db,
  jobs,
  clock,
  intervalSeconds,
}: {
  db: Db;
  jobs: JobSender;
  clock: Clock;
  intervalSeconds: number;
}): Promise<number> {
  const dueBefore = new Date(clock.now().getTime() - Math.max(0, intervalSeconds - DUE_SLACK_SECONDS) * 1000);
  const due = await db.todoistConnection.findMany({
    where: { status: "ok", OR: [{ lastSyncedAt: null }, { lastSyncedAt: { lt: dueBefore } }] },
    orderBy: [{ lastSyncedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    select: { id: true },
  });
  const sent = await jobs.sendMany(
    TodoistSyncJob,
    due.map(({ id }) => ({ data: { connectionId: id }, singletonKey: id })),
  );
  return sent.filter((id) => id !== null).length;
}

/** The minute tick that sends the due connections' syncs. */
export function createTodoistSyncScheduleJob({
  db,
  jobs,
  clock,
  config,
}: Pick<TodoistSyncJobDeps, "db" | "jobs" | "clock" | "config">): JobDefinition<typeof TodoistSyncScheduleJob> {
  return defineJob({
    type: TodoistSyncScheduleJob,
    queueOptions: TODOIST_SYNC_SCHEDULE_QUEUE_OPTIONS,
    cron: TODOIST_SYNC_SCHEDULE_CRON,
    async handler() {
      await sendDueTodoistSyncs({ db, jobs, clock, intervalSeconds: config.syncIntervalSeconds });
    },
  });
}
