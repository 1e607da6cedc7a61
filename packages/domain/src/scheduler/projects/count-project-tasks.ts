import type { Db } from "../../shared/db.ts";
import type { TaskCounts } from "../areas/schemas.ts";

/** Open and done tasks per project, for any number of projects in ONE statement. */
export async function countProjectTasks({
  db,
  actorId,
  projectIds,
}: {
  db: Db;
  actorId: string;
  projectIds: string[];
}): Promise<Map<string, TaskCounts>> {
  const counts = new Map<string, TaskCounts>(projectIds.map((id) => [id, { openTasks: 0, doneTasks: 0 }]));
  if (projectIds.length === 0) return counts;
  const rows = await db.$queryRaw<{ projectId: string; openTasks: number; doneTasks: number }[]>`
    SELECT "projectId",
           (count(*) FILTER (WHERE "completedAt" IS NULL))::int AS "openTasks",
           (count(*) FILTER (WHERE "completedAt" IS NOT NULL))::int AS "doneTasks"
      FROM tasks
     WHERE "userId" = ${actorId}::uuid AND "projectId" = ANY(${projectIds}::uuid[])
     GROUP BY "projectId"`;
  for (const row of rows) counts.set(row.projectId, { openTasks: row.openTasks, doneTasks: row.doneTasks });
  return counts;
}
