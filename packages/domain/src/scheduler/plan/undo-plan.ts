import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { DomainError } from "../../shared/errors.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import { PlanUndone } from "../events.ts";
import { historySpan, recordTaskHistory } from "../history/record-task-history.ts";
import { planRunSelect } from "./plan-run.select.ts";
import { loadRunChanges, type RunChange, restoreTasks } from "./restore-tasks.ts";
import { PLAN_TRANSACTION_TIMEOUT_MS, type PlanRunDto, type UndoSkipReason } from "./schemas.ts";

type Skipped = { taskId: string | null; summary: string; reason: UndoSkipReason };

const sameInstant = (a: Date | null, b: Date) => a?.getTime() === b.getTime();

/** Why a task the run placed was not put back: the most telling change the person made since. */
function whyKept(change: RunChange): Exclude<UndoSkipReason, "deleted"> {
  if (change.completedAt) return "completed_since";
  if (!sameInstant(change.startTime, change.newStart) || !sameInstant(change.endTime, change.newEnd)) {
    return "moved_since";
  }
  return "edited_since";
}

/**
 * Puts back what a run changed. A task changed after the run (its version moved on) or
 * deleted is left as it is and reported with the reason (moved by hand, completed, edited,
 * deleted), so undo never throws away their work and the person learns why.
 * A fixed number of statements whatever the size of the run.
 */
export async function undoPlan({
  db,
  actorId,
  runId,
  clock,
  events,
}: {
  db: Db;
  actorId: string;
  runId: string;
  clock: Clock;
  events: EventRecorder;
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
      // Completed tasks are never restored (completing moved their version on).
      const restored = await restoreTasks({ tx, actorId, changes: present, updatedAt: new Date() });
      const skipped: Skipped[] = changes.flatMap((change): Skipped[] => {
        if (!change.taskId || change.summary === null) {
          return [{ taskId: null, summary: "(deleted task)", reason: "deleted" }];
        }
        return restored.has(change.taskId)
          ? []
          : [{ taskId: change.taskId, summary: change.summary, reason: whyKept(change) }];
      });
      const restoredIds = [...restored];
      const undoneAt = clock.now();
      await recordTaskHistory(
        tx,
        present
          .filter((change) => restored.has(change.taskId))
          .map((change) => ({
            userId: actorId,
            taskId: change.taskId,
            at: undoneAt,
            kind: "plan_undone" as const,
            detail: {
              runId,
              from: historySpan(change.newStart, change.newEnd),
              to: historySpan(change.oldStart, change.oldEnd),
            },
          })),
      );
      // The parts a split placement made go with it (a task edited since keeps its parts).
      if (restoredIds.length > 0) {
        await tx.$executeRaw`
        DELETE FROM task_blocks
        WHERE "runId" = ${runId}::uuid AND "userId" = ${actorId}::uuid AND "taskId" = ANY(${restoredIds}::uuid[])`;
      }
      // The blocks the run reserved for later occurrences of repeating tasks go with it,
      // whichever occurrence of the series holds them now.
      await tx.occurrenceBlock.deleteMany({ where: { runId, userId: actorId } });
      const run = await tx.planRun.findUniqueOrThrow({ where: { id: runId }, select: planRunSelect });
      await events.record(tx, [
        newEvent(PlanUndone, { userId: actorId, aggregateId: runId, version: 2, payload: { taskIds: restoredIds } }),
      ]);
      return { run, restored: restoredIds.length, skipped };
    },
    { timeoutMs: PLAN_TRANSACTION_TIMEOUT_MS },
  );
}
