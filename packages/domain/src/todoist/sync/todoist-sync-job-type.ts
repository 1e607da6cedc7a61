import { defineJobType, type QueueOptions } from "@agendacraft/db/jobs";
import { z } from "zod";

/**
 * Syncs one Todoist connection (pull, then push). Sent when a connection is made (the first
 * import), by todoist.sync(), by the minute schedule and, debounced, by the push subscriber.
 */
export const TodoistSyncJob = defineJobType("todoist.sync", z.object({ connectionId: z.uuid() }));

export const TODOIST_SYNC_QUEUE_OPTIONS: QueueOptions = {
  retryLimit: 5,
  retryDelay: 30,
  // With jitter: a 5xx backs off instead of hammering Todoist; a 429 waits at least Retry-After (RetryLaterError).
  retryBackoff: true,
  // One running and one waiting per connection (singletonKey = connectionId).
  // A first import of thousands of tasks takes minutes; the run's lease (TODOIST_RUN_LEASE_MS) outlives a stuck one.
  expireInSeconds: 1800,
  policy: "stately",
};
