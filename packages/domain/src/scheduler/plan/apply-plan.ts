import type { JobSender } from "@agendacraft/db/jobs";
import { syncTaskStartReminders } from "../../notifier/reminders/sync-task-start-reminders.ts";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { computePlan } from "./compute-plan.ts";
import { planRunSelect } from "./plan-run.select.ts";
import { recordPlanRun } from "./record-plan-run.ts";
import type { PlanInput, PlanPreviewDto, PlanRunDto } from "./schemas.ts";
import { writePlacements } from "./write-placements.ts";

/**
 * Computes the plan and writes every placement in one transaction, recording the run
 * (and what each task was before) so it can be undone. Only tasks that are still
 * unscheduled when written are touched: a task scheduled meanwhile is left alone.
 *
 * Every write is a fixed number of statements whatever the number of tasks (bulk
 * `unnest` updates and inserts, reminders queued in one batch), so a person with
 * 10,000 open tasks commits well inside the transaction's time limit.
 */
export async function applyPlan({
  db,
  actorId,
  input,
  clock,
  trigger = "manual",
  jobs,
}: {
  db: Db;
  actorId: string;
  input: PlanInput;
  clock: Clock;
  trigger?: "manual" | "auto";
  jobs?: JobSender;
}): Promise<PlanPreviewDto & { run: PlanRunDto }> {
  return withTransaction(db, async (tx) => {
    // One plan run per user at a time, so two Apply clicks cannot double-book time.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`plan:${actorId}`}))`;
    const plan = await computePlan({ db: tx, actorId, input, clock });
    // The wall clock, as Prisma's @updatedAt uses for every other write to a task.
    const appliedAt = await writePlacements({ tx, actorId, changes: plan.changes, updatedAt: new Date() });
    const written = plan.changes.filter((change) => appliedAt.has(change.taskId));
    if (jobs) await syncTaskStartReminders({ tx, jobs, taskIds: written.map((change) => change.taskId), clock });
    const run = await tx.planRun.create({
      data: {
        userId: actorId,
        trigger,
        options: { horizonDays: input.horizonDays, ...input.options },
        placedCount: written.length,
        unplacedCount: plan.unplaced.length,
      },
      select: planRunSelect,
    });
    await recordPlanRun({ tx, actorId, runId: run.id, changes: written, appliedAt });
    return { ...plan, changes: written, run };
  });
}
