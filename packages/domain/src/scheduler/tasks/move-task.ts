import { type Db, withTransaction } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import { TaskChanged, type TaskField } from "../events.ts";
import { lockOrdering } from "../ordering/lock-ordering.ts";
import { nextOrder } from "../ordering/next-order.ts";
import { taskOrder } from "../ordering/order-scope.ts";
import { closeOrderGap, makeOrderRoom } from "../ordering/shift-orders.ts";
import { assertTaskReferences } from "./assert-task-references.ts";
import type { MoveTaskInput, TaskDto } from "./schemas.ts";
import { taskSelect, toTaskDto } from "./task.select.ts";
import { taskNotFound } from "./task-errors.ts";

/**
 * Moves a task before or after another task (into that task's project if it differs),
 * or to the end of a project or the inbox. Orders in both projects stay 1..n. Records
 * TaskChanged for the moved task (its order, and its project when that changed); the
 * neighbours whose positions shift record nothing: their place relative to each other holds.
 */
export async function moveTask({
  db,
  actorId,
  input,
  events,
}: {
  db: Db;
  actorId: string;
  input: MoveTaskInput;
  events: EventRecorder;
}): Promise<TaskDto> {
  const anchorId = input.beforeId ?? input.afterId;

  return withTransaction(db, async (tx) => {
    // Before reading: a concurrent move may change either task's project and position.
    await lockOrdering(tx, actorId, "tasks");
    // In the transaction that writes: a project deleted meanwhile is not found, not a foreign-key failure.
    if (input.projectId) await assertTaskReferences(tx, actorId, { projectId: input.projectId });
    const owned = (id: string) =>
      tx.task.findFirst({ where: { id, userId: actorId }, select: { id: true, projectId: true, order: true } });
    const task = await owned(input.id);
    if (!task) throw taskNotFound();
    const anchorTask = anchorId ? await owned(anchorId) : null;
    if (anchorId && !anchorTask) throw taskNotFound();

    const from = taskOrder(actorId, task.projectId);
    const toProjectId = anchorTask ? anchorTask.projectId : (input.projectId ?? null);
    const to = taskOrder(actorId, toProjectId);
    if (anchorTask?.id === task.id) {
      return toTaskDto(await tx.task.findUniqueOrThrow({ where: { id: task.id }, select: taskSelect }));
    }

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

    const moved = await tx.task.update({
      where: { id: task.id },
      data: { order: position, projectId: toProjectId },
      select: taskSelect,
    });
    const fields: TaskField[] = toProjectId === task.projectId ? ["order"] : ["order", "projectId"];
    // Last: recording locks the person's event stream until commit, so no row lock is taken after it.
    await events.record(tx, [
      newEvent(TaskChanged, { userId: actorId, aggregateId: moved.id, version: moved.version, payload: { fields } }),
    ]);
    return toTaskDto(moved);
  });
}
