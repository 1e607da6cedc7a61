import { type Db, withTransaction } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import { TaskDeleted } from "../events.ts";
import { lockOrdering } from "../ordering/lock-ordering.ts";
import { taskOrder } from "../ordering/order-scope.ts";
import { closeOrderGap } from "../ordering/shift-orders.ts";
import { handBackOccurrenceBlocks } from "./hand-over-occurrence-blocks.ts";
import { taskNotFound } from "./task-errors.ts";

/** Deletes a task and closes the gap it leaves in its project's order. */
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
    const task = await tx.task.findFirst({
      where: { id, userId: actorId },
      select: {
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
      },
    });
    if (!task) throw taskNotFound();
    await handBackOccurrenceBlocks(tx, { id, ...task });
    await tx.task.delete({ where: { id } });
    await closeOrderGap(tx, taskOrder(actorId, task.projectId), task.order);
    // Last: recording locks the person's event stream until commit, so no row lock is taken after it.
    await events.record(tx, [
      newEvent(TaskDeleted, { userId: actorId, aggregateId: id, version: task.version, payload: {} }),
    ]);
    return { deleted: true as const };
  });
}
