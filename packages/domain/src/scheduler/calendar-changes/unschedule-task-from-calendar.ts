import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import { TaskChanged } from "../events.ts";
import { historySpan, recordTaskHistory } from "../history/record-task-history.ts";
import { inLockedTask } from "../tasks/in-locked-task.ts";
import type { TaskDto } from "../tasks/schemas.ts";
import { taskSelect, toTaskDto } from "../tasks/task.select.ts";

/**
 * Takes a task off the calendar because the person deleted its event in Google Calendar:
 * it has no time (nor parts) any more, and the planner may place it again. Records
 * TaskChanged with `source: "google"` and `unscheduled_in_google` in the task's history;
 * an already unscheduled task is left as it is.
 */
export async function unscheduleTaskFromCalendar({
  db,
  actorId,
  id,
  events,
  clock,
  wonConflict = false,
}: {
  db: Db;
  actorId: string;
  id: string;
  events: EventRecorder;
  /** When the history says it happened. */
  clock: Clock;
  /** AgendaCraft had changed the task too, and Google's delete was the later change. */
  wonConflict?: boolean;
}): Promise<TaskDto> {
  return inLockedTask({ db, actorId, id }, async (tx, current) => {
    if (current.startTime === null) return current;
    await tx.taskBlock.deleteMany({ where: { taskId: id } });
    const task = await tx.task
      .update({
        where: { id },
        data: { startTime: null, endTime: null, plannedStart: null },
        select: taskSelect,
      })
      .then(toTaskDto);
    await events.record(tx, [
      newEvent(TaskChanged, {
        userId: actorId,
        aggregateId: id,
        version: task.version,
        payload: { fields: ["startTime", "endTime"], source: "google" },
      }),
    ]);
    await recordTaskHistory(tx, [
      {
        userId: actorId,
        taskId: id,
        at: clock.now(),
        kind: "unscheduled_in_google",
        detail: {
          from: historySpan(current.startTime, current.endTime),
          to: null,
          ...(wonConflict ? { winner: "google" as const } : {}),
        },
      },
    ]);
    return task;
  });
}
