import { type Db, withTransaction } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import { TaskReopened } from "../events.ts";
import { assertOpenTaskRoom } from "./assert-open-task-room.ts";
import type { TaskDto } from "./schemas.ts";
import { taskSelect } from "./task.select.ts";
import { taskNotFound } from "./task-errors.ts";

/** Marks a completed task as not done (refused at ACCOUNT_LIMITS.openTasks). A next occurrence created on completion stays. */
export async function reopenTask({
  db,
  actorId,
  id,
  events,
}: {
  db: Db;
  actorId: string;
  id: string;
  events: EventRecorder;
}): Promise<TaskDto> {
  return withTransaction(db, async (tx) => {
    const [task] = await tx.$queryRaw<{ completedAt: Date | null }[]>`
      SELECT "completedAt" FROM tasks WHERE id = ${id}::uuid AND "userId" = ${actorId}::uuid FOR UPDATE`;
    if (!task) throw taskNotFound();
    if (task.completedAt === null) return tx.task.findUniqueOrThrow({ where: { id }, select: taskSelect });
    await assertOpenTaskRoom(tx, actorId);
    const reopened = await tx.task.update({ where: { id }, data: { completedAt: null }, select: taskSelect });
    await events.record(tx, [
      newEvent(TaskReopened, { userId: actorId, aggregateId: id, version: reopened.version, payload: {} }),
    ]);
    return reopened;
  });
}
