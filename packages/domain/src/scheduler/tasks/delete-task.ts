import { type Db, withTransaction } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import { TaskDeleted } from "../events.ts";
import { lockOrdering } from "../ordering/lock-ordering.ts";
import { taskOrder } from "../ordering/order-scope.ts";
import { closeOrderGap } from "../ordering/shift-orders.ts";
import { handBackOccurrenceBlocks } from "./hand-over-occurrence-blocks.ts";
import { taskNotFound } from "./task-errors.ts";

const deletedSelect = {
  id: true,
  projectId: true,
  order: true,
  version: true,
  userId: true,
  previousId: true,
  occurrenceIndex: true,
  startTime: true,
  endTime: true,
  plannedStart: true,
  dueAt: true,
} as const;

/**
 * Deletes a task, and its sub-tasks with it (as in Todoist), and closes the gaps they leave
 * in their projects' orders. Each deleted task records TaskDeleted, so subscribers (reminders,
 * calendars, Todoist) hear of the sub-tasks too, not only of the task asked for.
 */
export async function deleteTask({
  db,
  actorId,
  id,
  events,
}: {
  db: Db;
  actorId: string;
  id: string;
  /** Records TaskDeleted; the reminder is cancelled and the re-plan requested from it. */
  events: EventRecorder;
}) {
  return withTransaction(db, async (tx) => {
    // Before reading: a concurrent move may change the task's project and position.
    await lockOrdering(tx, actorId, "tasks");
    const task = await tx.task.findFirst({ where: { id, userId: actorId }, select: deletedSelect });
    if (!task) throw taskNotFound();
    const subtasks = await tx.task.findMany({ where: { parentId: id, userId: actorId }, select: deletedSelect });
    const deleted = [task, ...subtasks];
    for (const each of deleted) await handBackOccurrenceBlocks(tx, each);
    // The sub-tasks go with it (the foreign key cascades).
    await tx.task.delete({ where: { id } });
    // From the last position up, so closing one gap does not move a position still to close.
    for (const each of [...deleted].sort((a, b) => b.order - a.order)) {
      await closeOrderGap(tx, taskOrder(actorId, each.projectId), each.order);
    }
    // Last: recording locks the person's event stream until commit, so no row lock is taken after it.
    await events.record(
      tx,
      deleted.map((each) =>
        newEvent(TaskDeleted, { userId: actorId, aggregateId: each.id, version: each.version, payload: {} }),
      ),
    );
    return { deleted: true as const };
  });
}
