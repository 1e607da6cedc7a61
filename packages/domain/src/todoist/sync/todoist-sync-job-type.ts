import { defineJobType, type QueueOptions } from "@agendacraft/db/jobs";
import { z } from "zod";

/**
 * One sync of one Todoist connection: pull, then push. The only Todoist job type: the
 * every-minute schedule, todoist.sync() and the push subscriber all send it, always with
 * singletonKey = connectionId; the handler (runTodoistSync) lives with the connection services.
 */
export const TODOIST_SYNC_JOB = "todoist.sync";
export const TodoistSyncJob = defineJobType(TODOIST_SYNC_JOB, z.object({ connectionId: z.uuid() }));

export const TODOIST_SYNC_QUEUE_OPTIONS: QueueOptions = {
  retryLimit: 5,
  retryDelay: 30,
  // With jitter: 429 and 5xx back off instead of hammering Todoist (a RetryLaterError names Retry-After).
  retryBackoff: true,
  // A first import of thousands of tasks takes minutes; a resumed one continues where it stopped.
  expireInSeconds: 900,
  // One running and one waiting per connection: a burst of edits during a sync is one more sync, not many.
  policy: "stately",
};

/** How long the push subscriber waits before the sync it asks for, so a burst of edits is pushed at once. */
export const TODOIST_PUSH_DELAY_MS = 5_000;
