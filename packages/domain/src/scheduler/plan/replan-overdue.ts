import { z } from "zod";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { DomainError } from "../../shared/errors.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import type { WarningLog } from "../../shared/log.ts";
import { TaskChanged } from "../events.ts";
import { overdueTaskWhere } from "../tasks/overdue-task-where.ts";
import { applyPlan } from "./apply-plan.ts";
import { PLAN_TRANSACTION_TIMEOUT_MS, type PlanPreviewDto, type PlanRunDto, ZPlanInput } from "./schemas.ts";

/** One click re-plans at most this many overdue tasks (the most overdue first). */
export const MAX_REPLAN_TASKS = 200;

export const ZReplanOverdueInput = z
  .object({
    /** Only these of the overdue tasks; all of them when left out. Ids that are not overdue are ignored. */
    taskIds: z.array(z.uuid()).min(1).max(MAX_REPLAN_TASKS).optional(),
  })
  .default({});
export type ReplanOverdueInput = z.infer<typeof ZReplanOverdueInput>;

function nothingOverdue(): DomainError {
  return new DomainError({
    kind: "CONFLICT",
    code: "scheduler.nothing_overdue",
    message: "Nothing is overdue any more: these tasks were completed, moved or re-planned meanwhile.",
  });
}

/**
 * Plans the actor's overdue tasks (planned end or deadline passed) that have no time to
 * come again from now, with
 * the plan's default options, as one plan run that `scheduler.plan.undo` can take back.
 * Each overdue task with a time loses it first (recorded as TaskChanged, so its reminder
 * goes), then the plan places just these tasks around everything else; a deadline that
 * has passed does not hold a task back. Undo leaves them unscheduled, not at their old,
 * passed times.
 */
export async function replanOverdue({
  db,
  actorId,
  input,
  clock,
  events,
  log,
}: {
  db: Db;
  actorId: string;
  input: ReplanOverdueInput;
  clock: Clock;
  events: EventRecorder;
  log?: WarningLog;
}): Promise<PlanPreviewDto & { run: PlanRunDto }> {
  return withTransaction(
    db,
    async (tx) => {
      // The same lock a plan commit takes, so a commit cannot place these tasks meanwhile.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`plan:${actorId}`}))`;
      const overdue = await tx.task.findMany({
        where: {
          AND: [
            overdueTaskWhere(actorId, clock.now()),
            // One with a passed deadline that already has a time to come needs no new one.
            { OR: [{ startTime: null }, { endTime: { lt: clock.now() } }] },
            input.taskIds ? { id: { in: input.taskIds } } : {},
          ],
        },
        orderBy: [{ endTime: { sort: "asc", nulls: "last" } }, { dueAt: "asc" }, { id: "asc" }],
        take: MAX_REPLAN_TASKS,
        select: { id: true, startTime: true },
      });
      if (overdue.length === 0) throw nothingOverdue();

      const timed = overdue.filter((task) => task.startTime !== null).map((task) => task.id);
      if (timed.length > 0) {
        const unscheduled = await tx.$queryRaw<{ id: string; version: number }[]>`
          UPDATE tasks SET "startTime" = NULL, "endTime" = NULL, "updatedAt" = ${new Date()}
           WHERE id = ANY(${timed}::uuid[]) AND "userId" = ${actorId}::uuid
          RETURNING id, version`;
        await tx.taskBlock.deleteMany({ where: { taskId: { in: timed } } });
        await events.record(
          tx,
          unscheduled.map((task) =>
            newEvent(TaskChanged, {
              userId: actorId,
              aggregateId: task.id,
              version: task.version,
              payload: { fields: ["startTime", "endTime"] },
            }),
          ),
        );
      }

      return applyPlan({
        db: tx,
        actorId,
        input: ZPlanInput.parse(undefined),
        clock,
        events,
        ...(log ? { log } : {}),
        only: { taskIds: overdue.map((task) => task.id) },
      });
    },
    { timeoutMs: PLAN_TRANSACTION_TIMEOUT_MS },
  );
}
