import type { JobSender } from "@agendacraft/db/jobs";
import { syncTaskStartReminder } from "../../notifier/reminders/sync-task-start-reminder.ts";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { assertInstantInRange } from "../../shared/instant.ts";
import { lockOrdering } from "../ordering/lock-ordering.ts";
import { nextOrder } from "../ordering/next-order.ts";
import { taskOrder } from "../ordering/order-scope.ts";
import { requestReplan } from "../plan/replan-job.ts";
import { assertOpenTaskRoom } from "./assert-open-task-room.ts";
import { assertTaskReferences } from "./assert-task-references.ts";
import type { CreateTaskInput, TaskDto } from "./schemas.ts";
import { taskSelect } from "./task.select.ts";
import {
  END_OUT_OF_RANGE_MESSAGE,
  endBeforeStart,
  endWithoutStart,
  recurrenceNeedsDate,
  startInPast,
} from "./task-errors.ts";

const MINUTE_MS = 60_000;

/** Adds a task at the end of its project (or the inbox); refused at ACCOUNT_LIMITS.openTasks open tasks. */
export async function createTask({
  db,
  actorId,
  input,
  clock,
  jobs,
}: {
  db: Db;
  actorId: string;
  input: CreateTaskInput;
  clock: Clock;
  /** Queues the task's start reminder; omitted where no queue runs (seeding, some tests). */
  jobs?: JobSender;
}): Promise<TaskDto> {
  if (input.startTime && input.startTime.getTime() < clock.now().getTime()) throw startInPast();
  if (input.endTime && !input.startTime) throw endWithoutStart();
  if (input.startTime && input.endTime && input.endTime <= input.startTime) throw endBeforeStart();
  const anchor = input.recurrence ? (input.recurrenceAnchor ?? "scheduled") : null;
  if (anchor === "scheduled" && !input.startTime && !input.dueAt) throw recurrenceNeedsDate();
  const endTime = input.startTime
    ? (input.endTime ?? new Date(input.startTime.getTime() + input.minutes * MINUTE_MS))
    : null;
  // The start is in range (the schema says so), but start + minutes may not be.
  assertInstantInRange(endTime, "endTime", END_OUT_OF_RANGE_MESSAGE);

  const { projectAreaId } = await assertTaskReferences(db, actorId, input);
  const projectId = input.projectId ?? null;

  return withTransaction(db, async (tx) => {
    await lockOrdering(tx, actorId, "tasks");
    await assertOpenTaskRoom(tx, actorId);
    const order = await nextOrder(tx, taskOrder(actorId, projectId));
    const task = await tx.task.create({
      data: {
        userId: actorId,
        projectId,
        areaId: input.areaId ?? projectAreaId,
        plannerId: input.plannerId ?? null,
        summary: input.summary,
        description: input.description,
        priority: input.priority,
        minutes: input.minutes,
        order,
        startTime: input.startTime ?? null,
        endTime,
        dueAt: input.dueAt ?? null,
        recurrence: input.recurrence ?? null,
        recurrenceAnchor: anchor,
      },
      select: taskSelect,
    });
    if (jobs && task.startTime) await syncTaskStartReminder({ tx, jobs, taskId: task.id, clock });
    if (jobs) await requestReplan({ tx, jobs, userId: actorId, clock });
    return task;
  });
}
