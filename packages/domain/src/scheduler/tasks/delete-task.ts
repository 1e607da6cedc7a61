import { type Db, withTransaction } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import { TaskDeleted } from "../events.ts";
import { taskNotFound } from "./task-errors.ts";
import { closeGap, lockOrderScopes } from "./task-order.ts";

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
    const task = await tx.task.findFirst({ where: { id, userId: actorId }, select: { projectId: true } });
    if (!task) throw taskNotFound();
    const scope = { userId: actorId, projectId: task.projectId };
    await lockOrderScopes(tx, scope);
    // Read the order again under the lock: a concurrent move may have changed it.
    const locked = await tx.task.findFirst({ where: { id, userId: actorId }, select: { order: true, version: true } });
    if (!locked) throw taskNotFound();
    await tx.task.delete({ where: { id } });
    await closeGap(tx, scope, locked.order);
    // Last: recording locks the person's event stream until commit, so no row lock is taken after it.
    await events.record(tx, [
      newEvent(TaskDeleted, { userId: actorId, aggregateId: id, version: locked.version, payload: {} }),
    ]);
    return { deleted: true as const };
  });
}
