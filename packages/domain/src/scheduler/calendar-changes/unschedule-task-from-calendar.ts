import { type Db, withTransaction } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import { TaskChanged } from "../events.ts";
import type { TaskDto } from "../tasks/schemas.ts";
import { taskSelect } from "../tasks/task.select.ts";
import { taskNotFound } from "../tasks/task-errors.ts";

/**
 * Takes a task off the calendar because the person deleted its event in Google Calendar:
 * it has no time (nor parts) any more, and the planner may place it again. Records
 * TaskChanged with `source: "google"`; an already unscheduled task is left as it is.
 */
export async function unscheduleTaskFromCalendar({
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
    const [current] = await tx.$queryRaw<{ startTime: Date | null }[]>`
      SELECT "startTime" FROM tasks WHERE id = ${id}::uuid AND "userId" = ${actorId}::uuid FOR UPDATE`;
    if (!current) throw taskNotFound();
    if (current.startTime === null) return tx.task.findUniqueOrThrow({ where: { id }, select: taskSelect });
    await tx.taskBlock.deleteMany({ where: { taskId: id } });
    const task = await tx.task.update({
      where: { id },
      data: { startTime: null, endTime: null, plannedStart: null },
      select: taskSelect,
    });
    await events.record(tx, [
      newEvent(TaskChanged, {
        userId: actorId,
        aggregateId: id,
        version: task.version,
        payload: { fields: ["startTime", "endTime"], source: "google" },
      }),
    ]);
    return task;
  });
}
