import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import { assertInstantInRange } from "../../shared/instant.ts";
import { TaskCreated } from "../events.ts";
import { historySpan, recordTaskHistory } from "../history/record-task-history.ts";
import { lockOrdering } from "../ordering/lock-ordering.ts";
import { nextOrder } from "../ordering/next-order.ts";
import { taskOrder } from "../ordering/order-scope.ts";
import { assertOpenTaskRoom } from "./assert-open-task-room.ts";
import { assertTaskReferences } from "./assert-task-references.ts";
import { resolveTaskParent } from "./resolve-task-parent.ts";
import type { CreateTaskInput, TaskDto } from "./schemas.ts";
import { taskSelect, toTaskDto } from "./task.select.ts";
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
  events,
}: {
  db: Db;
  actorId: string;
  input: CreateTaskInput;
  clock: Clock;
  /** Records TaskCreated; the reminder and the re-plan follow from it. */
  events: EventRecorder;
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

  return withTransaction(db, async (tx) => {
    await lockOrdering(tx, actorId, "tasks");
    const parent = input.parentId ? await resolveTaskParent(tx, { actorId, parentId: input.parentId }) : null;
    // A step of a task is filed with it unless the person says where.
    const projectId = input.projectId ?? parent?.projectId ?? null;
    // Checked in the transaction that writes; a reference deleted meanwhile still fails
    // on its foreign key, which answers common.reference_not_found.
    const { projectAreaId } = await assertTaskReferences(tx, actorId, { ...input, projectId });
    await assertOpenTaskRoom(tx, actorId);
    const order = await nextOrder(tx, taskOrder(actorId, projectId));
    const task = await tx.task.create({
      data: {
        userId: actorId,
        projectId,
        areaId: input.areaId ?? projectAreaId,
        plannerId: input.plannerId ?? null,
        parentId: parent?.id ?? null,
        labels: input.labels ?? [],
        summary: input.summary,
        description: input.description,
        priority: input.priority,
        minutes: input.minutes,
        order,
        startTime: input.startTime ?? null,
        endTime,
        dueAt: input.dueAt ?? null,
        startAfter: input.startAfter ?? null,
        recurrence: input.recurrence ?? null,
        recurrenceAnchor: anchor,
      },
      select: taskSelect,
    });
    await recordTaskHistory(tx, [
      {
        userId: actorId,
        taskId: task.id,
        at: clock.now(),
        kind: "created",
        detail: { to: historySpan(task.startTime, task.endTime) },
      },
    ]);
    await events.record(tx, [
      newEvent(TaskCreated, {
        userId: actorId,
        aggregateId: task.id,
        version: task.version,
        payload: { startTime: task.startTime?.toISOString() ?? null, previousId: null },
      }),
    ]);
    return toTaskDto(task);
  });
}
