import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { domainErrorFromPrisma } from "../../shared/errors.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import { assertInstantInRange } from "../../shared/instant.ts";
import { TaskCompleted, TaskCreated } from "../events.ts";
import { recordTaskHistory } from "../history/record-task-history.ts";
import { lockOrdering } from "../ordering/lock-ordering.ts";
import { nextOrder } from "../ordering/next-order.ts";
import { taskOrder } from "../ordering/order-scope.ts";
import { nextTaskOccurrence } from "../recurrence/index.ts";
import { findOccurrenceBlock, handOverOccurrenceBlocks } from "./hand-over-occurrence-blocks.ts";
import type { TaskDto } from "./schemas.ts";
import { taskSelect, toTaskDto } from "./task.select.ts";
import { NEXT_OUT_OF_RANGE_MESSAGE, taskNotFound } from "./task-errors.ts";

type Deps = { db: Db; actorId: string; id: string; clock: Clock; events: EventRecorder };

/**
 * Marks a task done. A recurring task's next occurrence is created exactly once: the
 * task row is locked while completing, a retried complete returns the same result, and
 * `previousId` is unique so even a missed lock cannot produce a second occurrence.
 */
export async function completeTask(deps: Deps): Promise<{ task: TaskDto; next: TaskDto | null }> {
  try {
    return await completeOnce(deps);
  } catch (error) {
    // Two completes raced past each other: the other one created the occurrence; return it.
    if (domainErrorFromPrisma(error)?.kind === "CONFLICT") return completeOnce(deps);
    throw error;
  }
}

async function completeOnce({ db, actorId, id, clock, events }: Deps) {
  return withTransaction(db, async (tx) => {
    // Before the row lock below: the order every transaction takes them in (see lockOrdering).
    await lockOrdering(tx, actorId, "tasks");
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM tasks WHERE id = ${id}::uuid AND "userId" = ${actorId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw taskNotFound();
    const current = await tx.task.findUniqueOrThrow({
      where: { id },
      select: { ...taskSelect, user: { select: { timeZone: true } } },
    });
    const { user, ...row } = current;
    const task = toTaskDto(row);

    if (task.completedAt) {
      const next = await tx.task.findUnique({ where: { previousId: id }, select: taskSelect });
      return { task, next: next && toTaskDto(next) };
    }

    const completedAt = clock.now();
    const completed = toTaskDto(await tx.task.update({ where: { id }, data: { completedAt }, select: taskSelect }));
    const recordCompleted = async (next: TaskDto | null) => {
      await recordTaskHistory(tx, [
        { userId: actorId, taskId: id, at: completedAt, kind: "completed" },
        ...(next ? [{ userId: actorId, taskId: next.id, at: completedAt, kind: "created" as const }] : []),
      ]);
      await events.record(tx, [
        newEvent(TaskCompleted, {
          userId: actorId,
          aggregateId: id,
          version: completed.version,
          payload: { nextId: next?.id ?? null },
        }),
        ...(next
          ? [
              newEvent(TaskCreated, {
                userId: actorId,
                aggregateId: next.id,
                version: next.version,
                payload: { startTime: next.startTime?.toISOString() ?? null, previousId: id },
              }),
            ]
          : []),
      ]);
    };
    const base = task.startTime ?? task.dueAt;
    if (!task.recurrence || !task.recurrenceAnchor) {
      await recordCompleted(null);
      return { task: completed, next: null };
    }

    const nextBase = nextTaskOccurrence({
      rule: task.recurrence,
      anchor: task.recurrenceAnchor,
      base: base ?? completedAt,
      completedAt,
      timeZone: user.timeZone,
      occurrenceIndex: task.occurrenceIndex,
    });
    if (!nextBase) {
      await recordCompleted(null);
      return { task: completed, next: null };
    }

    // The next occurrence keeps the task's shape: the same duration and the same
    // distance between start and due date.
    const shift = nextBase.getTime() - (base ?? completedAt).getTime();
    const moved = (date: Date | null) => (date ? new Date(date.getTime() + shift) : null);
    // Unless a plan already reserved time for it: then it takes that block (the planner's,
    // so later plans may still move it) and that occurrence's own deadline.
    const occurrenceIndex = task.occurrenceIndex + 1;
    const reserved = await findOccurrenceBlock(tx, { taskId: id, index: occurrenceIndex });
    const startTime = reserved ? reserved.start : task.startTime ? moved(task.startTime) : null;
    const endTime = reserved ? reserved.end : moved(task.endTime);
    const dueAt = reserved ? reserved.dueAt : task.startTime ? moved(task.dueAt) : nextBase;
    // "Not before 8:00 on the day it is due" stays that for every occurrence.
    const startAfter = moved(task.startAfter);
    // Thrown inside the transaction, so the completion above is rolled back too.
    for (const value of [startTime, endTime, dueAt, startAfter]) {
      assertInstantInRange(value, "recurrence", NEXT_OUT_OF_RANGE_MESSAGE);
    }
    const next = await tx.task.create({
      data: {
        userId: actorId,
        projectId: task.projectId,
        areaId: task.areaId,
        plannerId: task.plannerId,
        parentId: task.parentId,
        labels: task.labels,
        summary: task.summary,
        description: task.description,
        priority: task.priority,
        minutes: task.minutes,
        order: await nextOrder(tx, taskOrder(actorId, task.projectId)),
        startTime,
        endTime,
        dueAt,
        startAfter,
        plannedStart: reserved ? reserved.start : null,
        recurrence: task.recurrence,
        recurrenceText: task.recurrenceText,
        recurrenceAnchor: task.recurrenceAnchor,
        occurrenceIndex,
        previousId: id,
      },
      select: taskSelect,
    });
    await handOverOccurrenceBlocks(tx, { fromId: id, nextId: next.id, nextIndex: occurrenceIndex });
    await recordCompleted(toTaskDto(next));
    return { task: completed, next: toTaskDto(next) };
  });
}
