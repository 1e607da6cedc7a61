import type { Prisma } from "@agendacraft/db/prisma";
import { type Db, withTransaction } from "../../shared/db.ts";
import type { TaskDto } from "./schemas.ts";
import { taskSelect, toTaskDto } from "./task.select.ts";
import { taskNotFound } from "./task-errors.ts";

/**
 * Runs `work` in a transaction holding the actor's task locked (FOR UPDATE), with the task as
 * it is now: concurrent changes to one task apply one after the other, each deciding from
 * the other's result. Another person's task, or none, is not found.
 */
export function inLockedTask<T>(
  { db, actorId, id }: { db: Db; actorId: string; id: string },
  work: (tx: Prisma.TransactionClient, current: TaskDto) => Promise<T>,
): Promise<T> {
  return withTransaction(db, async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM tasks WHERE id = ${id}::uuid AND "userId" = ${actorId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw taskNotFound();
    return work(tx, toTaskDto(await tx.task.findUniqueOrThrow({ where: { id }, select: taskSelect })));
  });
}
