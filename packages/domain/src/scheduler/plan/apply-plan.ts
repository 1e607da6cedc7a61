import type { JobSender } from "@agendacraft/db/jobs";
import { syncTaskStartReminder } from "../../notifier/reminders/sync-task-start-reminder.ts";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import type { WarningLog } from "../../shared/log.ts";
import { computePlan } from "./compute-plan.ts";
import { planRunSelect } from "./plan-run.select.ts";
import type { PlanInput, PlanPreviewDto, PlanRunDto } from "./schemas.ts";

/**
 * Computes the plan and writes every placement in one transaction, recording the run
 * (and what each task was before) so it can be undone. Only tasks that are still
 * unscheduled when written are touched: a task scheduled meanwhile is left alone.
 */
export async function applyPlan({
  db,
  actorId,
  input,
  clock,
  trigger = "manual",
  jobs,
  log,
}: {
  db: Db;
  actorId: string;
  input: PlanInput;
  clock: Clock;
  trigger?: "manual" | "auto";
  jobs?: JobSender;
  log?: WarningLog;
}): Promise<PlanPreviewDto & { run: PlanRunDto }> {
  return withTransaction(db, async (tx) => {
    // One plan run per user at a time, so two Apply clicks cannot double-book time.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`plan:${actorId}`}))`;
    const plan = await computePlan({ db: tx, actorId, input, clock, ...(log ? { log } : {}) });
    const written: { change: (typeof plan.changes)[number]; appliedAt: Date }[] = [];
    for (const change of plan.changes) {
      const { count } = await tx.task.updateMany({
        where: { id: change.taskId, userId: actorId, startTime: null, completedAt: null },
        data: { startTime: change.newStart, endTime: change.newEnd },
      });
      if (count === 0) continue;
      if (jobs) await syncTaskStartReminder({ tx, jobs, taskId: change.taskId, clock });
      const { updatedAt } = await tx.task.findUniqueOrThrow({
        where: { id: change.taskId },
        select: { updatedAt: true },
      });
      written.push({ change, appliedAt: updatedAt });
    }
    const run = await tx.planRun.create({
      data: {
        userId: actorId,
        trigger,
        options: { horizonDays: input.horizonDays, ...input.options },
        placedCount: written.length,
        unplacedCount: plan.unplaced.length,
        changes: {
          create: written.map(({ change, appliedAt }) => ({
            taskId: change.taskId,
            oldStart: change.oldStart,
            oldEnd: change.oldEnd,
            newStart: change.newStart,
            newEnd: change.newEnd,
            explanation: change.explanation,
            appliedAt,
          })),
        },
      },
      select: planRunSelect,
    });
    const blocks = written.flatMap(({ change }) =>
      (change.parts ?? []).map((part) => ({ userId: actorId, taskId: change.taskId, runId: run.id, ...part })),
    );
    if (blocks.length > 0) await tx.taskBlock.createMany({ data: blocks });
    return { ...plan, changes: written.map(({ change }) => change), run };
  });
}
