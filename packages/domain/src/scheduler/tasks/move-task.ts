import { type Db, withTransaction } from "../../shared/db.ts";
import { assertTaskReferences } from "./assert-task-references.ts";
import type { MoveTaskInput, TaskDto } from "./schemas.ts";
import { taskSelect } from "./task.select.ts";
import { taskNotFound } from "./task-errors.ts";
import { closeGap, lockOrderScopes, nextOrderInScope, type OrderScope, openGap } from "./task-order.ts";

/**
 * Moves a task before or after another task (into that task's project if it differs),
 * or to the end of a project or the inbox. Orders in both projects stay 1..n.
 */
export async function moveTask({
  db,
  actorId,
  input,
}: {
  db: Db;
  actorId: string;
  input: MoveTaskInput;
}): Promise<TaskDto> {
  const anchorId = input.beforeId ?? input.afterId;
  if (input.projectId) await assertTaskReferences(db, actorId, { projectId: input.projectId });

  return withTransaction(db, async (tx) => {
    const owned = (id: string) =>
      tx.task.findFirst({ where: { id, userId: actorId }, select: { id: true, projectId: true, order: true } });
    const task = await owned(input.id);
    if (!task) throw taskNotFound();
    const anchorTask = anchorId ? await owned(anchorId) : null;
    if (anchorId && !anchorTask) throw taskNotFound();

    const from: OrderScope = { userId: actorId, projectId: task.projectId };
    const to: OrderScope = {
      userId: actorId,
      projectId: anchorTask ? anchorTask.projectId : (input.projectId ?? null),
    };
    await lockOrderScopes(tx, from, to);

    // Positions may have shifted while waiting for the lock; read them again.
    const current = await owned(task.id);
    if (!current) throw taskNotFound();
    if (anchorTask?.id === current.id)
      return tx.task.findUniqueOrThrow({ where: { id: current.id }, select: taskSelect });

    // Take the task out of its scope (parking it at 0), then put it in at the target.
    await tx.task.update({ where: { id: current.id }, data: { order: 0 } });
    await closeGap(tx, from, current.order);

    let position: number;
    if (anchorTask) {
      const anchorNow = await owned(anchorTask.id);
      if (!anchorNow) throw taskNotFound();
      position = input.beforeId ? anchorNow.order : anchorNow.order + 1;
      await openGap(tx, to, position);
    } else {
      position = await nextOrderInScope(tx, to);
    }

    return tx.task.update({
      where: { id: current.id },
      data: { order: position, projectId: to.projectId },
      select: taskSelect,
    });
  });
}
