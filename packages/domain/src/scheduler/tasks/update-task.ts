import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import { assertInstantInRange } from "../../shared/instant.ts";
import { TaskChanged, ZTaskFields } from "../events.ts";
import { assertTaskReferences } from "./assert-task-references.ts";
import { inLockedTask } from "./in-locked-task.ts";
import { resolveTaskParent } from "./resolve-task-parent.ts";
import type { TaskDto, UpdateTaskInput } from "./schemas.ts";
import { taskSelect, toTaskDto } from "./task.select.ts";
import {
  END_OUT_OF_RANGE_MESSAGE,
  endBeforeStart,
  endWithoutStart,
  recurrenceNeedsDate,
  startInPast,
} from "./task-errors.ts";

const MINUTE_MS = 60_000;

/** The fields an update can change (the project and order change through moveTask), compared to name the ones it did change. */
const COMPARED = ZTaskFields.exclude(["projectId", "order"]).options;

/**
 * Changes a task's fields (the project changes through `moveTask`, which keeps orders
 * contiguous). A changed start or duration moves the end with it unless an end is given.
 * The task is read locked in the transaction that writes it (inLockedTask).
 */
export async function updateTask({
  db,
  actorId,
  input,
  clock,
  events,
}: {
  db: Db;
  actorId: string;
  input: UpdateTaskInput;
  clock: Clock;
  /** Records TaskChanged with the fields that changed. */
  events: EventRecorder;
}): Promise<TaskDto> {
  return inLockedTask({ db, actorId, id: input.id }, async (tx, current) => {
    await assertTaskReferences(tx, actorId, { areaId: input.areaId, plannerId: input.plannerId });

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
    // recurrenceText keeps the source's wording of the repeat (Todoist's "every other week"),
    // which still describes the task while the person leaves the repeat alone. Once they
    // change the repeat here, their rule is the repeat and the old wording would contradict it.
    const recurrenceText = recurrence === current.recurrence ? undefined : null;

    const parentId =
      input.parentId === undefined || input.parentId === current.parentId
        ? undefined
        : input.parentId && (await resolveTaskParent(tx, { actorId, parentId: input.parentId, taskId: current.id })).id;

    const row = await tx.task.update({
      where: { id: current.id },
      data: {
        summary: input.summary,
        description: input.description,
        priority: input.priority,
        minutes,
        startTime,
        endTime,
        dueAt,
        startAfter: input.startAfter,
        areaId: input.areaId,
        plannerId: input.plannerId,
        parentId,
        labels: input.labels,
        recurrence,
        recurrenceText,
        recurrenceAnchor: anchor,
      },
      select: taskSelect,
    });
    const task = toTaskDto(row);
    // A task moved or resized by hand is one block again, not the parts a plan split it into.
    if (startChanged || input.minutes !== undefined) await tx.taskBlock.deleteMany({ where: { taskId: task.id } });
    const fields = COMPARED.filter((field) => !sameValue(current[field], task[field]));
    // Time kept for later occurrences follows the series' dates and length: once they
    // change it no longer fits, and the next plan keeps time anew.
    const seriesChanged = (["recurrence", "recurrenceAnchor", "dueAt", "minutes"] as const).some(
      (field) => !sameValue(current[field], task[field]),
    );
    if (seriesChanged) await tx.occurrenceBlock.deleteMany({ where: { taskId: task.id } });
    if (fields.length > 0) {
      await events.record(tx, [
        newEvent(TaskChanged, { userId: actorId, aggregateId: task.id, version: task.version, payload: { fields } }),
      ]);
    }
    return task;
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}
