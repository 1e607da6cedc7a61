import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import type { WarningLog } from "../../shared/log.ts";
import { PlanCommitted } from "../events.ts";
import { historySpan, recordTaskHistory } from "../history/record-task-history.ts";
import { computePlan, type OnlyTasks } from "./compute-plan.ts";
import { planRunSelect } from "./plan-run.select.ts";
import { recordPlanRun } from "./record-plan-run.ts";
import { PLAN_TRANSACTION_TIMEOUT_MS, type PlanInput, type PlanPreviewDto, type PlanRunDto } from "./schemas.ts";
import { writeOccurrenceBlocks } from "./write-occurrence-blocks.ts";
import { writePlacements } from "./write-placements.ts";

/**
 * Computes the plan and writes every placement in one transaction, recording the run
 * (and what each task was before) so it can be undone. Only tasks that are still
 * unscheduled when written are touched: a task scheduled meanwhile is left alone.
 *
 * The writes are a fixed number of statements whatever the number of tasks (one bulk
 * update of the tasks, the run's record in one insert, the tasks' history entries in one,
 * one PlanCommitted event naming the tasks, from which the reminders follow), so a person with 10,000 open tasks commits
 * well inside the transaction's time limit.
 */
export async function applyPlan({
  db,
  actorId,
  input,
  clock,
  trigger = "manual",
  events,
  log,
  only,
}: {
  db: Db;
  actorId: string;
  input: PlanInput;
  clock: Clock;
  trigger?: "manual" | "auto";
  events: EventRecorder;
  log?: WarningLog;
  /** Plan just these tasks (see computePlan). */
  only?: OnlyTasks;
}): Promise<PlanPreviewDto & { run: PlanRunDto }> {
  return withTransaction(
    db,
    async (tx) => {
      // One plan run per user at a time, so two Apply clicks cannot double-book time.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`plan:${actorId}`}))`;
      const plan = await computePlan({
        db: tx,
        actorId,
        input,
        clock,
        ...(log ? { log } : {}),
        ...(only ? { only } : {}),
      });
      // The task rows take their own placements; later occurrences of repeating tasks get blocks of their own.
      const taskChanges = plan.changes.filter((change) => !change.occurrence);
      const written = await writePlacements({
        tx,
        actorId,
        changes: taskChanges,
        // The wall clock, as Prisma's @updatedAt uses for every other write to a task.
        updatedAt: new Date(),
      });

      const writtenChanges = taskChanges.filter((change) => written.has(change.taskId));
      const created = await tx.planRun.create({
        data: {
          userId: actorId,
          trigger,
          options: { horizonDays: input.horizonDays, ...input.options },
          placedCount: writtenChanges.length,
          unplacedCount: plan.unplaced.length,
        },
        select: planRunSelect,
      });
      const appliedVersions = new Map([...written].map(([taskId, { version }]) => [taskId, version]));
      await recordPlanRun({ tx, actorId, runId: created.id, changes: writtenChanges, appliedVersions });
      const at = clock.now();
      await recordTaskHistory(
        tx,
        writtenChanges.map((change) => ({
          userId: actorId,
          taskId: change.taskId,
          at,
          kind: "planned" as const,
          detail: {
            runId: created.id,
            from: historySpan(change.oldStart, change.oldEnd),
            to: historySpan(change.newStart, change.newEnd),
          },
        })),
      );
      const occurrences = await writeOccurrenceBlocks({ tx, actorId, runId: created.id, changes: plan.changes });
      const changes = [...writtenChanges, ...occurrences].sort((a, b) => a.newStart.getTime() - b.newStart.getTime());
      // The blocks need the run first; the count of what it placed follows them.
      const run =
        occurrences.length === 0
          ? created
          : await tx.planRun.update({
              where: { id: created.id },
              data: { placedCount: changes.length },
              select: planRunSelect,
            });
      await events.record(tx, [
        newEvent(PlanCommitted, {
          userId: actorId,
          aggregateId: run.id,
          // A run is written once; undo is its own event.
          version: 1,
          payload: {
            // The tasks whose own time changed (later occurrences only hold blocks).
            taskIds: writtenChanges.map((change) => change.taskId),
            cause: trigger === "auto" ? "auto_plan" : "person",
          },
        }),
      ]);
      return { ...plan, changes, run };
    },
    { timeoutMs: PLAN_TRANSACTION_TIMEOUT_MS },
  );
}
