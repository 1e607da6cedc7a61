import type pg from "pg";
import { TASK_COLUMNS } from "./task-columns.ts";

const LIMIT = 50;

/**
 * GET /tasks: the first page of scheduler.tasks.list({ limit: 50 }), the same SELECT
 * (open tasks, dates in range, ordered by (order, id), one more row than the page to
 * know there is a next one) with the same cursor, as plain JSON.
 */
export async function listTasksRoute(pool: pg.Pool, userId: string): Promise<unknown> {
  const { rows } = await pool.query<{ id: string; order: number }>(
    `SELECT ${TASK_COLUMNS}
     FROM tasks t LEFT JOIN todoist_tasks l ON l."taskId" = t.id
     WHERE t."userId" = $1 AND t."completedAt" IS NULL
       AND (t."startTime" IS NULL OR t."startTime" BETWEEN $2 AND $3)
       AND (t."endTime" IS NULL OR t."endTime" BETWEEN $2 AND $3)
       AND (t."dueAt" IS NULL OR t."dueAt" BETWEEN $2 AND $3)
       AND (t."startAfter" IS NULL OR t."startAfter" BETWEEN $2 AND $3)
     ORDER BY t."order" ASC, t.id ASC
     LIMIT $4`,
    [userId, "1970-01-01T00:00:00.000Z", "2999-12-31T23:59:59.999Z", LIMIT + 1],
  );
  const items = rows.slice(0, LIMIT);
  const last = items.at(-1);
  const nextCursor = rows.length > LIMIT && last ? Buffer.from(`${last.order}:${last.id}`).toString("base64url") : null;
  return { items, nextCursor };
}
