import { defineJobType, type QueueOptions } from "@agendacraft/db/jobs";
import { z } from "zod";

/**
 * Syncs one Google connection's calendars. Sent when a connection is made (its first sync),
 * by "Sync now" and by the periodic schedule; the handler lives with the sync.
 */
export const GOOGLE_SYNC_JOB = "calendars.google.sync";
export const GoogleSyncJob = defineJobType(GOOGLE_SYNC_JOB, z.object({ connectionId: z.uuid() }));

export const GOOGLE_SYNC_QUEUE_OPTIONS: QueueOptions = {
  retryLimit: 5,
  retryDelay: 30,
  // With jitter: quota errors (403 rateLimitExceeded, 429) back off instead of hammering Google.
  retryBackoff: true,
  expireInSeconds: 300,
  // One running and one waiting per connection (singletonKey = connectionId).
  policy: "stately",
};
