import { type Db, withTransaction } from "../../shared/db.ts";
import { lockOrdering } from "../ordering/lock-ordering.ts";
import { nextOrder } from "../ordering/next-order.ts";
import { taskOrder } from "../ordering/order-scope.ts";
import { closeOrderGap, makeOrderRoom } from "../ordering/shift-orders.ts";
import { assertTaskReferences } from "./assert-task-references.ts";
import type { MoveTaskInput, TaskDto } from "./schemas.ts";
import { taskSelect } from "./task.select.ts";
import { taskNotFound } from "./task-errors.ts";

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
    // Before reading: a concurrent move may change either task's project and position.
    await lockOrdering(tx, actorId, "tasks");
    const owned = (id: string) =>
      tx.task.findFirst({ where: { id, userId: actorId }, select: { id: true, projectId: true, order: true } });
    const task = await owned(input.id);
    if (!task) throw taskNotFound();
    const anchorTask = anchorId ? await owned(anchorId) : null;
    if (anchorId && !anchorTask) throw taskNotFound();

    const from = taskOrder(actorId, task.projectId);
    const toProjectId = anchorTask ? anchorTask.projectId : (input.projectId ?? null);
    const to = taskOrder(actorId, toProjectId);
    if (anchorTask?.id === task.id) return tx.task.findUniqueOrThrow({ where: { id: task.id }, select: taskSelect });

    // Take the task out of its scope (parking it at 0), then put it in at the target.
    await tx.task.update({ where: { id: task.id }, data: { order: 0 } });
    await closeOrderGap(tx, from, task.order);

    let position: number;
    if (anchorTask) {
      // Closing the gap may have moved the anchor up by one.
      const anchorNow = await owned(anchorTask.id);
      if (!anchorNow) throw taskNotFound();
      position = input.beforeId ? anchorNow.order : anchorNow.order + 1;
      await makeOrderRoom(tx, to, position);
    } else {
      position = await nextOrder(tx, to);
    }

    return tx.task.update({
      where: { id: task.id },
      data: { order: position, projectId: toProjectId },
      select: taskSelect,
    });
  });
}
