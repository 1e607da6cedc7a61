import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import { TaskChanged } from "../events.ts";
import { recordTaskHistory } from "../history/record-task-history.ts";
import { inLockedTask } from "../tasks/in-locked-task.ts";
import type { TaskDto } from "../tasks/schemas.ts";
import { taskSelect, toTaskDto } from "../tasks/task.select.ts";

/** What tasks allow (ZSummary): a longer title from Google is cut, not refused. */
const MAX_SUMMARY_LENGTH = 255;

/**
 * Gives a task the title the person typed for its event in Google Calendar. Records
 * TaskChanged (`fields: ["summary"]`, `source: "google"`) and `renamed_in_google` in the
 * task's history; the same title, or a blank one (a task needs a summary), leaves the task as it is.
 */
export async function renameTaskFromCalendar({
  db,
  actorId,
  id,
  summary,
  events,
  clock,
  wonConflict = false,
}: {
  db: Db;
  actorId: string;
  id: string;
  summary: string;
  events: EventRecorder;
  /** When the history says it happened. */
  clock: Clock;
  /** AgendaCraft had renamed the task too, and Google's rename was the later change. */
  wonConflict?: boolean;
}): Promise<TaskDto> {
  const title = summary.trim().slice(0, MAX_SUMMARY_LENGTH);
  return inLockedTask({ db, actorId, id }, async (tx, current) => {
    if (title === "" || title === current.summary) return current;
    const task = await tx.task.update({ where: { id }, data: { summary: title }, select: taskSelect }).then(toTaskDto);
    await events.record(tx, [
      newEvent(TaskChanged, {
        userId: actorId,
        aggregateId: id,
        version: task.version,
        payload: { fields: ["summary"], source: "google" },
      }),
    ]);
    await recordTaskHistory(tx, [
      {
        userId: actorId,
        taskId: id,
        at: clock.now(),
        kind: "renamed_in_google",
        detail: {
          fromSummary: current.summary,
          toSummary: title,
          ...(wonConflict ? { winner: "google" as const } : {}),
        },
      },
    ]);
    return task;
  });
}
