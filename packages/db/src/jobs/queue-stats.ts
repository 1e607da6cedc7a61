import type { SqlExecutor } from "./sql-executors.ts";
import type { QueueStats } from "./types.ts";

type QueueStatsRow = { queue: string; queued: string; deferred: string; active: string; dead_letters: string };

// One statement for every queue the app defined: its waiting, deferred and running jobs, and
// the dead letters waiting in its `<name>.dead` queue. Dead-letter queues and pg-boss's own
// internal queues are not listed themselves. Finished jobs (state > 'active') are not read.
const QUEUE_STATS = `
  SELECT q.name AS queue,
    count(j.id) FILTER (WHERE j.state < 'active' AND j.start_after <= now()) AS queued,
    count(j.id) FILTER (WHERE j.state < 'active' AND j.start_after > now()) AS deferred,
    count(j.id) FILTER (WHERE j.state = 'active') AS active,
    (SELECT count(*) FROM pgboss.job d WHERE d.name = q.dead_letter AND d.state = 'created') AS dead_letters
  FROM pgboss.queue q
  LEFT JOIN pgboss.job j ON j.name = q.name AND j.state <= 'active'
  WHERE q.name NOT IN (SELECT dead_letter FROM pgboss.queue WHERE dead_letter IS NOT NULL)
    AND left(q.name, 10) <> '__pgboss__'
  GROUP BY q.name, q.dead_letter
  ORDER BY q.name`;

/** How many jobs each queue holds right now (for metrics); one query, whatever the number of queues. */
export async function queueStats(executor: SqlExecutor): Promise<QueueStats[]> {
  const { rows } = await executor.executeSql(QUEUE_STATS);
  return (rows as QueueStatsRow[]).map((row) => ({
    queue: row.queue,
    queued: Number(row.queued),
    deferred: Number(row.deferred),
    active: Number(row.active),
    deadLetters: Number(row.dead_letters),
  }));
}
