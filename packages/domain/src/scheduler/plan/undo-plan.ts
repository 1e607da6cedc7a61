import type { JobSender } from "@agendacraft/db/jobs";
import { prepareTaskStartReminders } from "../../notifier/reminders/prepare-task-start-reminders.ts";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { DomainError } from "../../shared/errors.ts";
import { planRunSelect } from "./plan-run.select.ts";
import { loadRunChanges, restoreTasks } from "./restore-tasks.ts";
import { PLAN_TRANSACTION_TIMEOUT_MS, type PlanRunDto } from "./schemas.ts";

type Skipped = { taskId: string | null; summary: string; reason: "edited_since" | "deleted" };

/**
 * Puts back what a run changed. A task the person edited after the run (its updatedAt
 * moved on) or deleted is left as it is and reported, so undo never throws away their work.
 * A fixed number of statements whatever the size of the run.
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
  return withTransaction(
    db,
    async (tx) => {
      // Claiming the run first makes two concurrent undos safe: one claims it, the other is refused.
      const { count } = await tx.planRun.updateMany({
        where: { id: runId, userId: actorId, undoneAt: null },
        data: { undoneAt: clock.now() },
      });
      if (count === 0) {
        const exists = await tx.planRun.findFirst({ where: { id: runId, userId: actorId }, select: { id: true } });
        if (!exists) {
          throw new DomainError({
            kind: "NOT_FOUND",
            code: "scheduler.plan_run_not_found",
            message: "That plan run does not exist.",
          });
        }
        throw new DomainError({
          kind: "CONFLICT",
          code: "scheduler.plan_run_already_undone",
          message: "This plan was already undone.",
        });
      }

      const changes = await loadRunChanges(tx, runId);
      const present = changes.filter((change): change is (typeof changes)[number] & { taskId: string } =>
        Boolean(change.taskId && change.summary !== null),
      );
      // Completed tasks are never restored (their updatedAt moved on), so every one restored is open.
      const starts = present.map((change) => ({ taskId: change.taskId, startTime: change.oldStart }));
      const reminders = jobs ? await prepareTaskStartReminders({ tx, jobs, userId: actorId, starts, clock }) : null;
      const restored = await restoreTasks({
        tx,
        actorId,
        changes: present,
        updatedAt: new Date(),
        startJobIds: reminders?.jobIds ?? null,
      });
      await reminders?.send([...restored].map(([taskId, { previousJobId }]) => ({ taskId, previousJobId })));
      const skipped: Skipped[] = changes.flatMap((change): Skipped[] => {
        if (!change.taskId || change.summary === null) {
          return [{ taskId: null, summary: "(deleted task)", reason: "deleted" }];
        }
        return restored.has(change.taskId)
          ? []
          : [{ taskId: change.taskId, summary: change.summary, reason: "edited_since" }];
      });
      const restoredIds = [...restored.keys()];
      // The parts a split placement made go with it (a task edited since keeps its parts).
      if (restoredIds.length > 0) {
        await tx.$executeRaw`
        DELETE FROM task_blocks
        WHERE "runId" = ${runId}::uuid AND "userId" = ${actorId}::uuid AND "taskId" = ANY(${restoredIds}::uuid[])`;
      }
      const run = await tx.planRun.findUniqueOrThrow({ where: { id: runId }, select: planRunSelect });
      return { run, restored: restoredIds.length, skipped };
    },
    { timeoutMs: PLAN_TRANSACTION_TIMEOUT_MS },
  );
}
