import type pg from "pg";
import { TASK_COLUMNS } from "./task-columns.ts";
import { uuidV7 } from "./uuid-v7.ts";

export type FloorCreateInput = { summary: string; projectId?: string | null };

/**
 * POST /tasks: the ordered insert of scheduler.tasks.create in one transaction: the
 * person's task-ordering lock (lock-ordering.ts), the last position of the project by one
 * index entry (next-order.ts's lastOrderSql), the insert after it, the row as JSON.
 */
export async function createTaskRoute(pool: pg.Pool, userId: string, input: FloorCreateInput): Promise<unknown> {
  const projectId = input.projectId ?? null;
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`tasks:${userId}`]);
    // Two statements as in lastOrderSql: `IS NOT DISTINCT FROM` would not use the index.
    const { rows: last } = await client.query<{ order: number }>(
      `SELECT "order" FROM tasks WHERE "userId" = $1 AND ${projectId === null ? `"projectId" IS NULL` : `"projectId" = $2::uuid`}
       ORDER BY "userId" DESC, "projectId" DESC, "order" DESC LIMIT 1`,
      projectId === null ? [userId] : [userId, projectId],
    );
    const { rows } = await client.query(
      `WITH t AS (
         INSERT INTO tasks (id, "userId", "projectId", summary, "order", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, now()) RETURNING *
       )
       SELECT ${TASK_COLUMNS} FROM t LEFT JOIN todoist_tasks l ON l."taskId" = t.id`,
      [uuidV7(), userId, projectId, input.summary, (last[0]?.order ?? 0) + 1],
    );
    await client.query("COMMIT");
    return rows[0];
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}
