import type PgBoss from "pg-boss";
import type { SqlExecutor } from "./sql-executors.ts";

type QueueRow = {
  name: string;
  policy: string | null;
  retry_limit: number | null;
  retry_delay: number | null;
  retry_backoff: boolean | null;
  expire_seconds: number | null;
  dead_letter: string | null;
};

/**
 * Whether defining `queue` would change nothing: it exists with every option the definition
 * sets (pg-boss's update keeps what a definition leaves out), and so does its dead-letter
 * queue. Every process defines every queue at start; when nothing changed, this one read
 * replaces three writes per queue.
 */
export async function queueIsAsDefined(executor: SqlExecutor, queue: PgBoss.Queue): Promise<boolean> {
  const names = queue.deadLetter ? [queue.name, queue.deadLetter] : [queue.name];
  const { rows } = await executor.executeSql(
    "SELECT name, policy, retry_limit, retry_delay, retry_backoff, expire_seconds, dead_letter FROM pgboss.queue WHERE name = ANY($1::text[])",
    [names],
  );
  const byName = new Map((rows as QueueRow[]).map((row) => [row.name, row]));
  const row = byName.get(queue.name);
  if (!row || (queue.deadLetter && !byName.has(queue.deadLetter))) return false;
  return (
    same(queue.policy, row.policy) &&
    same(queue.retryLimit, row.retry_limit) &&
    same(queue.retryDelay, row.retry_delay) &&
    same(queue.retryBackoff, row.retry_backoff) &&
    same(queue.expireInSeconds, row.expire_seconds) &&
    same(queue.deadLetter, row.dead_letter)
  );
}

function same<T>(defined: T | undefined, stored: T | null): boolean {
  return defined === undefined || defined === stored;
}
