import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import { TaskChanged, type TaskField } from "../events.ts";
import { historySpan, recordTaskHistory } from "../history/record-task-history.ts";
import { inLockedTask } from "../tasks/in-locked-task.ts";
import type { TaskDto } from "../tasks/schemas.ts";
import { taskSelect, toTaskDto } from "../tasks/task.select.ts";

const MINUTE_MS = 60_000;

export type RescheduleFromCalendarInput = {
  id: string;
  /** Which part of a split task the event stood for (its index in time order); 0 for an unsplit task. */
  blockIndex: number;
  start: Date;
  end: Date;
};

/**
 * Puts a task (or one part of a split task) where the person moved it in their calendar, and
 * pins it there: the planner moves only tasks still at the start it gave them (plannedStart),
 * so clearing that keeps the planner's hands off. A calendar is the person's own word, so a
 * time in the past is taken as it is. Records TaskChanged with `source: "google"`, and
 * `moved_in_google` in the task's history (saying Google won when AgendaCraft had changed it too).
 */
export async function rescheduleTaskFromCalendar({
  db,
  actorId,
  input,
  events,
  clock,
  wonConflict = false,
}: {
  db: Db;
  actorId: string;
  input: RescheduleFromCalendarInput;
  events: EventRecorder;
  /** When the history says it happened. */
  clock: Clock;
  /** AgendaCraft had changed the task too, and Google's change was the later one. */
  wonConflict?: boolean;
}): Promise<TaskDto> {
  return inLockedTask({ db, actorId, id: input.id }, async (tx, current) => {
    const blocks = await tx.taskBlock.findMany({ where: { taskId: input.id }, orderBy: { start: "asc" } });
    const moved = blocks[input.blockIndex];

    let span = { startTime: input.start, endTime: input.end, minutes: minutesBetween(input.start, input.end) };
    if (blocks.length > 1 && moved) {
      await tx.taskBlock.update({ where: { id: moved.id }, data: { start: input.start, end: input.end } });
      const parts = blocks.map((block) => (block.id === moved.id ? { start: input.start, end: input.end } : block));
      span = {
        startTime: new Date(Math.min(...parts.map((part) => part.start.getTime()))),
        endTime: new Date(Math.max(...parts.map((part) => part.end.getTime()))),
        minutes: parts.reduce((sum, part) => sum + minutesBetween(part.start, part.end), 0),
      };
    } else if (blocks.length > 0) {
      // One part, or parts that no longer match what was written: the task is one block again.
      await tx.taskBlock.deleteMany({ where: { taskId: input.id } });
    }

    const task = await tx.task
      .update({
        where: { id: input.id },
        data: { ...span, plannedStart: null },
        select: taskSelect,
      })
      .then(toTaskDto);
    const fields = (["startTime", "endTime", "minutes"] as const satisfies TaskField[]).filter(
      (field) => !sameValue(current[field], task[field]),
    );
    // Even with the same span (one part moved within it) the task changed: its parts did.
    const recorded: TaskField[] = fields.length > 0 ? fields : ["startTime"];
    await events.record(tx, [
      newEvent(TaskChanged, {
        userId: actorId,
        aggregateId: task.id,
        version: task.version,
        payload: { fields: recorded, source: "google" },
      }),
    ]);
    await recordTaskHistory(tx, [
      {
        userId: actorId,
        taskId: task.id,
        at: clock.now(),
        kind: "moved_in_google",
        detail: {
          from: historySpan(current.startTime, current.endTime),
          to: { start: input.start.toISOString(), end: input.end.toISOString() },
          ...(wonConflict ? { winner: "google" as const } : {}),
        },
      },
    ]);
    return task;
  });
}

function minutesBetween(start: Date, end: Date): number {
  return Math.max(1, Math.round((end.getTime() - start.getTime()) / MINUTE_MS));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}
