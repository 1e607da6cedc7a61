import { defineJobType, type QueueOptions } from "@agendacraft/db/jobs";
import { z } from "zod";

/**
 * One sync of one Todoist connection: pull, then push. The only Todoist job type: a new
 * connection (the first import), the every-minute schedule, todoist.sync() and the push
 * subscriber all send it, always with singletonKey = connectionId; the handler (runTodoistSync)
 * lives with the connection services.
 */
export const TODOIST_SYNC_JOB = "todoist.sync";
export const TodoistSyncJob = defineJobType(TODOIST_SYNC_JOB, z.object({ connectionId: z.uuid() }));

export const TODOIST_SYNC_QUEUE_OPTIONS: QueueOptions = {
  retryLimit: 5,
  retryDelay: 30,
  // With jitter: a 5xx backs off instead of hammering Todoist; a 429 waits at least Retry-After (RetryLaterError).
  retryBackoff: true,
  // A first import of thousands of tasks takes minutes; the run's lease (TODOIST_RUN_LEASE_MS) outlives a stuck one.
  expireInSeconds: 1800,
  // One running and one waiting per connection: a burst of edits during a sync is one more sync, not many.
  policy: "stately",
};

/** How long the push subscriber waits before the sync it asks for, so a burst of edits is pushed at once. */
export const TODOIST_PUSH_DELAY_MS = 5_000;
