import { type Db, withTransaction } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import { TaskChanged } from "../events.ts";
import type { TaskDto } from "../tasks/schemas.ts";
import { taskSelect } from "../tasks/task.select.ts";
import { taskNotFound } from "../tasks/task-errors.ts";

/** What tasks allow (ZSummary): a longer title from Google is cut, not refused. */
const MAX_SUMMARY_LENGTH = 255;

/**
 * Gives a task the title the person typed for its event in Google Calendar. Records
 * TaskChanged (`fields: ["summary"]`, `source: "google"`); the same title, or a blank one
 * (a task needs a summary), leaves the task as it is.
 */
export async function renameTaskFromCalendar({
  db,
  actorId,
  id,
  summary,
  events,
}: {
  db: Db;
  actorId: string;
  id: string;
  summary: string;
  events: EventRecorder;
}): Promise<TaskDto> {
  const title = summary.trim().slice(0, MAX_SUMMARY_LENGTH);
  return withTransaction(db, async (tx) => {
    const [current] = await tx.$queryRaw<{ summary: string }[]>`
      SELECT summary FROM tasks WHERE id = ${id}::uuid AND "userId" = ${actorId}::uuid FOR UPDATE`;
    if (!current) throw taskNotFound();
    if (title === "" || title === current.summary)
      return tx.task.findUniqueOrThrow({ where: { id }, select: taskSelect });
    const task = await tx.task.update({ where: { id }, data: { summary: title }, select: taskSelect });
    await events.record(tx, [
      newEvent(TaskChanged, {
        userId: actorId,
        aggregateId: id,
        version: task.version,
        payload: { fields: ["summary"], source: "google" },
      }),
    ]);
    return task;
  });
}
