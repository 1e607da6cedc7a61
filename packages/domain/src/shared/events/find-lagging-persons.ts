import type { Db } from "../db.ts";

/**
 * Persons with an event some subscriber has not had: a dispatch lost (the process died
 * between commit and work, a job dead-lettered) or a subscriber added since. At most `limit`.
 */
export async function findLaggingPersons({
  db,
  subscribers,
  limit = 1_000,
}: {
  db: Db;
  subscribers: readonly string[];
  limit?: number;
}): Promise<string[]> {
  if (subscribers.length === 0) return [];
  const rows = await db.$queryRaw<{ userId: string }[]>`
    SELECT s."userId" FROM event_streams s
    WHERE EXISTS (
      SELECT 1 FROM unnest(${[...subscribers]}::text[]) AS sub(name)
      LEFT JOIN event_deliveries d ON d.subscriber = sub.name AND d."userId" = s."userId"
      WHERE COALESCE(d."lastSeq", 0) < s."lastSeq")
    LIMIT ${limit}`;
  return rows.map((row) => row.userId);
}
