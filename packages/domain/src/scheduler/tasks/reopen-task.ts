import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import { TaskReopened } from "../events.ts";
import { recordTaskHistory } from "../history/record-task-history.ts";
import { assertOpenTaskRoom } from "./assert-open-task-room.ts";
import { inLockedTask } from "./in-locked-task.ts";
import type { TaskDto } from "./schemas.ts";
import { taskSelect, toTaskDto } from "./task.select.ts";

/** Marks a completed task as not done (refused at ACCOUNT_LIMITS.openTasks). A next occurrence created on completion stays. */
export async function reopenTask({
  db,
  actorId,
  id,
  clock,
  events,
}: {
  db: Db;
  actorId: string;
  id: string;
  clock: Clock;
  events: EventRecorder;
}): Promise<TaskDto> {
  return inLockedTask({ db, actorId, id }, async (tx, current) => {
    if (current.completedAt === null) return current;
    await assertOpenTaskRoom(tx, actorId);
    const reopened = await tx.task.update({ where: { id }, data: { completedAt: null }, select: taskSelect });
    await events.record(tx, [
      newEvent(TaskReopened, { userId: actorId, aggregateId: id, version: reopened.version, payload: {} }),
    ]);
    await recordTaskHistory(tx, [{ userId: actorId, taskId: id, at: clock.now(), kind: "reopened" }]);
    return toTaskDto(reopened);
  });
}
