import type { JobSender } from "@agendacraft/db/jobs";
import { syncTaskStartReminder } from "../../notifier/reminders/sync-task-start-reminder.ts";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { DomainError } from "../../shared/errors.ts";
import { planRunSelect } from "./plan-run.select.ts";
import type { PlanRunDto } from "./schemas.ts";

type Skipped = { taskId: string | null; summary: string; reason: "edited_since" | "deleted" };

/**
 * Puts back what a run changed. A task the person edited after the run (its updatedAt
 * moved on) or deleted is left as it is and reported, so undo never throws away their work.
 */
export async function undoPlan({
  db,
  actorId,
  runId,
  clock,
  jobs,
}: {
  db: Db;
  actorId: string;
  runId: string;
  clock: Clock;
  jobs?: JobSender;
}): Promise<{ run: PlanRunDto; restored: number; skipped: Skipped[] }> {
  return withTransaction(db, async (tx) => {
    const run = await tx.planRun.findFirst({
      where: { id: runId, userId: actorId },
      select: { undoneAt: true, changes: { include: { task: { select: { summary: true, updatedAt: true } } } } },
    });
    if (!run) {
      throw new DomainError({
        kind: "NOT_FOUND",
        code: "scheduler.plan_run_not_found",
        message: "That plan run does not exist.",
      });
    }
    if (run.undoneAt) {
      throw new DomainError({
        kind: "CONFLICT",
        code: "scheduler.plan_run_already_undone",
        message: "This plan was already undone.",
      });
    }

    const restoredIds: string[] = [];
    const skipped: Skipped[] = [];
    for (const change of run.changes) {
      if (!change.task || !change.taskId) {
        skipped.push({ taskId: null, summary: "(deleted task)", reason: "deleted" });
        continue;
      }
      if (change.task.updatedAt.getTime() !== change.appliedAt.getTime()) {
        skipped.push({ taskId: change.taskId, summary: change.task.summary, reason: "edited_since" });
        continue;
      }
      await tx.task.update({
        where: { id: change.taskId },
        data: { startTime: change.oldStart, endTime: change.oldEnd },
      });
      if (jobs) await syncTaskStartReminder({ tx, jobs, taskId: change.taskId, clock });
      restoredIds.push(change.taskId);
    }
    // The parts a split placement made go with it (a task edited since keeps its parts).
    await tx.taskBlock.deleteMany({ where: { runId, userId: actorId, taskId: { in: restoredIds } } });
    const updated = await tx.planRun.update({
      where: { id: runId },
      data: { undoneAt: clock.now() },
      select: planRunSelect,
    });
    return { run: updated, restored: restoredIds.length, skipped };
  });
}
