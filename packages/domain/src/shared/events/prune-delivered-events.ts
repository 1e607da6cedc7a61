import type { Db } from "../db.ts";

/** How long delivered events are kept: enough to look into what happened last week. */
export const EVENT_RETENTION_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 5_000;

/**
 * Deletes events older than the retention that every subscriber has had. An event some
 * subscriber still lacks (one failing, dead-lettered, or a person it never saw) is kept
 * whatever its age, so pruning never loses a delivery. Deletes in batches so one run
 * never holds a long lock on a busy table.
 */
export async function pruneDeliveredEvents({
  db,
  subscribers,
  now,
  retentionDays = EVENT_RETENTION_DAYS,
}: {
  db: Db;
  subscribers: readonly string[];
  now: Date;
  retentionDays?: number;
}): Promise<{ deleted: number }> {
  // With no subscriber nothing was ever delivered, so nothing is known to be safe to drop.
  if (subscribers.length === 0) return { deleted: 0 };
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  let deleted = 0;
  for (;;) {
    const count = await db.$executeRaw`
      DELETE FROM domain_events WHERE id IN (
        SELECT e.id FROM domain_events e
        WHERE e."occurredAt" < ${cutoff}
          AND e.seq <= (
            SELECT MIN(COALESCE(d."lastSeq", 0)) FROM unnest(${[...subscribers]}::text[]) AS sub(name)
            LEFT JOIN event_deliveries d ON d.subscriber = sub.name AND d."userId" = e."userId")
        LIMIT ${BATCH})`;
    deleted += count;
    if (count < BATCH) return { deleted };
  }
}
