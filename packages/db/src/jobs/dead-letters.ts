import { randomUUID } from "node:crypto";
import type pg from "pg";
import type PgBoss from "pg-boss";
import type { SqlExecutor } from "./sql-executors.ts";
import type { DeadLetter, ListDeadLettersOptions } from "./types.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1_000;

type DeadLetterRow = {
  id: string;
  queue: string;
  dead_letter_queue: string;
  failed_at: Date;
  output: unknown;
  data: unknown;
};

// A dead letter is a job waiting on a queue that another queue names as its dead-letter
// queue; nothing works those queues, so it waits there until someone retries it.
const DEAD_LETTER_JOBS = `
  FROM pgboss.job d
  JOIN pgboss.queue q ON q.dead_letter = d.name
  WHERE d.state = 'created'`;

/** Dead letters, newest first. */
export async function listDeadLetters(
  executor: SqlExecutor,
  { queue, limit = DEFAULT_LIMIT }: ListDeadLettersOptions = {},
): Promise<DeadLetter[]> {
  const { rows } = await executor.executeSql(
    `SELECT d.id, q.name AS queue, d.name AS dead_letter_queue, d.created_on AS failed_at, d.output, d.data
     ${DEAD_LETTER_JOBS} AND ($1::text IS NULL OR q.name = $1::text)
     ORDER BY d.created_on DESC, d.id
     LIMIT $2::int`,
    [queue ?? null, Math.min(Math.max(1, Math.trunc(limit)), MAX_LIMIT)],
  );
  return (rows as DeadLetterRow[]).map((row) => ({
    id: row.id,
    queue: row.queue,
    deadLetterQueue: row.dead_letter_queue,
    failedAt: row.failed_at,
    lastError: errorMessage(row.output),
    data: row.data,
  }));
}

/**
 * Sends a dead letter's original data to its original queue as a new job, and marks the
 * dead letter completed (its output gains `retriedAs`), both in one transaction: retrying
 * the same dead letter twice, even at once, enqueues one job.
 */
export async function retryDeadLetter(
  boss: PgBoss,
  pool: pg.Pool,
  id: string,
): Promise<{ id: string; queue: string; deadLetterId: string }> {
  if (!UUID.test(id)) throw new Error(`"${id}" is not a job id`);
  const newId = randomUUID();
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ queue: string; data: object | null }>(
      `UPDATE pgboss.job d
       SET state = 'completed', completed_on = now(),
           output = COALESCE(d.output, '{}'::jsonb) || jsonb_build_object('retriedAs', $2::text)
       FROM pgboss.queue q
       WHERE q.dead_letter = d.name AND d.state = 'created' AND d.id = $1::uuid
       RETURNING q.name AS queue, d.data`,
      [id, newId],
    );
    const deadLetter = rows[0];
    if (!deadLetter) throw new Error(`no dead letter with id ${id} (it was retried already, or is not a dead letter)`);
    await boss.send(deadLetter.queue, deadLetter.data ?? {}, {
      id: newId,
      db: { executeSql: (text, values) => client.query(text, values) },
    });
    await client.query("COMMIT");
    return { id: newId, queue: deadLetter.queue, deadLetterId: id };
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/** pg-boss stores a thrown error as `{ name, message, stack }`, and its own timeouts as `{ value: { message } }`. */
function errorMessage(output: unknown): string | null {
  if (!output || typeof output !== "object") return output == null ? null : String(output);
  const record = output as { message?: unknown; value?: { message?: unknown } };
  if (typeof record.message === "string") return record.message;
  if (typeof record.value?.message === "string") return record.value.message;
  return JSON.stringify(output);
}
