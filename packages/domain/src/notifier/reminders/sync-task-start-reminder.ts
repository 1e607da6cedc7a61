import type { JobSender } from "@agendacraft/db/jobs";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { isInstantInRange } from "../../shared/instant.ts";
import { TASK_STARTING_JOB, type TaskStartingJobData } from "./task-starting.ts";

const MINUTE_MS = 60_000;

type ReminderState = {
  startJobId: string | null;
  startTime: Date | null;
  completedAt: Date | null;
  leadMinutes: number;
};

/**
 * Makes the task's queued "task starting" reminder match the task as it is now: cancels
 * the job in `Task.startJobId`, and when the task is open and starts in the future,
 * queues a new one for `startTime - leadMinutes` (at once when that has passed) and
 * stores its id. Call it after any change to a task's start or completion, with the
 * transaction that made the change: the job commits or rolls back with it.
 *
 * Writes `startJobId` with SQL of its own, so the task's `updatedAt` does not move (plan
 * undo compares it). A missing task is a no-op (use `cancelTaskStartReminder` before deleting).
 */
export async function syncTaskStartReminder({
  tx,
  jobs,
  taskId,
  clock,
}: {
  /** The caller's open transaction (a client opens one of its own). */
  tx: Db;
  jobs: JobSender;
  taskId: string;
  clock: Clock;
}): Promise<{ jobId: string | null }> {
  return withTransaction(tx, async (t) => {
    const [task] = await t.$queryRaw<ReminderState[]>`
      SELECT t."startJobId", t."startTime", t."completedAt", u."notifyLeadMinutes" AS "leadMinutes"
      FROM tasks t JOIN users u ON u.id = t."userId"
      WHERE t.id = ${taskId}::uuid
      FOR UPDATE OF t`;
    if (!task) return { jobId: null };
    if (task.startJobId) await jobs.cancel(TASK_STARTING_JOB, task.startJobId, { tx: t });

    const now = clock.now();
    let jobId: string | null = null;
    // A start outside the supported range (a row from before it was enforced) gets no reminder.
    const start = task.startTime && isInstantInRange(task.startTime) ? task.startTime : null;
    if (start && !task.completedAt && start.getTime() > now.getTime()) {
      const fireAt = new Date(start.getTime() - task.leadMinutes * MINUTE_MS);
      const data: TaskStartingJobData = { taskId, startTime: start.toISOString() };
      jobId = await jobs.send(TASK_STARTING_JOB, data, {
        tx: t,
        ...(fireAt.getTime() > now.getTime() ? { startAfter: fireAt } : {}),
      });
    }
    if (jobId !== task.startJobId) {
      await t.$executeRaw`UPDATE tasks SET "startJobId" = ${jobId} WHERE id = ${taskId}::uuid`;
    }
    return { jobId };
  });
}
