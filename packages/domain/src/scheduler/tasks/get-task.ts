import type { Db } from "../../shared/db.ts";
import type { TaskDto } from "./schemas.ts";
import { taskSelect, toTaskDto } from "./task.select.ts";
import { taskNotFound } from "./task-errors.ts";

export async function getTask({ db, actorId, id }: { db: Db; actorId: string; id: string }): Promise<TaskDto> {
  const task = await db.task.findFirst({ where: { id, userId: actorId }, select: taskSelect });
  if (!task) throw taskNotFound();
  return toTaskDto(task);
}
