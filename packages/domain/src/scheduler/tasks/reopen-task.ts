import type { Db } from "../../shared/db.ts";
import type { TaskDto } from "./schemas.ts";
import { taskSelect } from "./task.select.ts";
import { taskNotFound } from "./task-errors.ts";

/** Marks a completed task as not done. A next occurrence created on completion stays. */
export async function reopenTask({ db, actorId, id }: { db: Db; actorId: string; id: string }): Promise<TaskDto> {
  const { count } = await db.task.updateMany({ where: { id, userId: actorId }, data: { completedAt: null } });
  if (count === 0) throw taskNotFound();
  return db.task.findUniqueOrThrow({ where: { id }, select: taskSelect });
}
