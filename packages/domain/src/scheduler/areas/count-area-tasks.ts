import type { Db } from "../../shared/db.ts";
import type { TaskCounts } from "./schemas.ts";

/**
 * Open and done tasks per area, for any number of areas in ONE statement. A task
 * belongs to its own area, or, when it has none, to its project's area.
 */
export async function countAreaTasks({
  db,
  actorId,
  areaIds,
}: {
  db: Db;
  actorId: string;
  areaIds: string[];
}): Promise<Map<string, TaskCounts>> {
  const counts = new Map<string, TaskCounts>(areaIds.map((id) => [id, { openTasks: 0, doneTasks: 0 }]));
  if (areaIds.length === 0) return counts;
  const rows = await db.$queryRaw<{ areaId: string; openTasks: number; doneTasks: number }[]>`
    SELECT COALESCE(t."areaId", p."areaId") AS "areaId",
           (count(*) FILTER (WHERE t."completedAt" IS NULL))::int AS "openTasks",
           (count(*) FILTER (WHERE t."completedAt" IS NOT NULL))::int AS "doneTasks"
      FROM tasks t
      LEFT JOIN projects p ON p.id = t."projectId" AND p."userId" = t."userId"
     WHERE t."userId" = ${actorId}::uuid
       AND (t."areaId" = ANY(${areaIds}::uuid[]) OR (t."areaId" IS NULL AND p."areaId" = ANY(${areaIds}::uuid[])))
     GROUP BY 1`;
  for (const row of rows) counts.set(row.areaId, { openTasks: row.openTasks, doneTasks: row.doneTasks });
  return counts;
}
