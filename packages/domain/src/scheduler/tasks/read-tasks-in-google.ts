import type { Db } from "../../shared/db.ts";

/**
 * Which of these tasks have an event AgendaCraft wrote into one of the person's Google
 * calendars (the write-back keeps a row per written block). One query however many tasks.
 */
export async function readTasksInGoogle({
  db,
  actorId,
  taskIds,
}: {
  db: Db;
  actorId: string;
  taskIds: string[];
}): Promise<Set<string>> {
  const rows = await db.taskCalendarEvent.findMany({
    where: { userId: actorId, taskId: { in: taskIds } },
    select: { taskId: true },
    distinct: ["taskId"],
  });
  return new Set(rows.map((row) => row.taskId));
}
