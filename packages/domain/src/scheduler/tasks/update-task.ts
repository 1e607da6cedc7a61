import type { JobSender } from "@agendacraft/db/jobs";
import { syncTaskStartReminder } from "../../notifier/reminders/sync-task-start-reminder.ts";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { assertInstantInRange } from "../../shared/instant.ts";
import { requestReplan } from "../plan/replan-job.ts";
import { assertTaskReferences } from "./assert-task-references.ts";
import type { TaskDto, UpdateTaskInput } from "./schemas.ts";
import { taskSelect } from "./task.select.ts";
import {
  END_OUT_OF_RANGE_MESSAGE,
  endBeforeStart,
  endWithoutStart,
  recurrenceNeedsDate,
  startInPast,
  taskNotFound,
} from "./task-errors.ts";

const MINUTE_MS = 60_000;

/**
 * Changes a task's fields (the project changes through `moveTask`, which keeps orders
 * contiguous). A changed start or duration moves the end with it unless an end is given.
 */
export async function updateTask({
  db,
  actorId,
  input,
  clock,
  jobs,
}: {
  db: Db;
  actorId: string;
  input: UpdateTaskInput;
  clock: Clock;
  jobs?: JobSender;
}): Promise<TaskDto> {
  const current = await db.task.findFirst({ where: { id: input.id, userId: actorId }, select: taskSelect });
  if (!current) throw taskNotFound();
  await assertTaskReferences(db, actorId, { areaId: input.areaId, plannerId: input.plannerId });

  const startTime = input.startTime === undefined ? current.startTime : input.startTime;
  const minutes = input.minutes ?? current.minutes;
  const startChanged = input.startTime !== undefined && input.startTime?.getTime() !== current.startTime?.getTime();
  if (startChanged && startTime && startTime.getTime() < clock.now().getTime()) throw startInPast();

  let endTime = input.endTime === undefined ? current.endTime : input.endTime;
  if (input.endTime === undefined && (startChanged || input.minutes !== undefined)) {
    endTime = startTime ? new Date(startTime.getTime() + minutes * MINUTE_MS) : null;
  }
  if (!startTime) endTime = null;
  if (input.endTime && !startTime) throw endWithoutStart();
  if (startTime && endTime && endTime <= startTime) throw endBeforeStart();
  // Each date sent is in range (the schema says so), but start + minutes may not be.
  assertInstantInRange(endTime, "endTime", END_OUT_OF_RANGE_MESSAGE);

  const recurrence = input.recurrence === undefined ? current.recurrence : input.recurrence;
  const anchor = recurrence ? (input.recurrenceAnchor ?? current.recurrenceAnchor ?? "scheduled") : null;
  const dueAt = input.dueAt === undefined ? current.dueAt : input.dueAt;
  if (anchor === "scheduled" && !startTime && !dueAt) throw recurrenceNeedsDate();

  return withTransaction(db, async (tx) => {
    const task = await tx.task.update({
      where: { id: current.id },
      data: {
        summary: input.summary,
        description: input.description,
        priority: input.priority,
        minutes,
        startTime,
        endTime,
        dueAt,
        areaId: input.areaId,
        plannerId: input.plannerId,
        recurrence,
        recurrenceAnchor: anchor,
      },
      select: taskSelect,
    });
    // A task moved or resized by hand is one block again, not the parts a plan split it into.
    if (startChanged || input.minutes !== undefined) await tx.taskBlock.deleteMany({ where: { taskId: task.id } });
    if (jobs && startChanged) await syncTaskStartReminder({ tx, jobs, taskId: task.id, clock });
    if (jobs) await requestReplan({ tx, jobs, userId: actorId, clock });
    return task;
  });
}
