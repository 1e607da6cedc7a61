import type { JobSender } from "@agendacraft/db/jobs";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { taskStartReminderJob } from "./task-start-reminder-job.ts";
import { TASK_STARTING_JOB } from "./task-starting.ts";

type ReminderState = {
  id: string;
  startJobId: string | null;
  startTime: Date | null;
  completedAt: Date | null;
  leadMinutes: number;
};

/**
 * Makes the queued "task starting" reminders of many tasks match the tasks as they are
 * now, in a fixed number of statements whatever their count (a plan commits thousands):
 * cancels every job in `Task.startJobId`, queues a new one for each open task starting in
 * the future (at `startTime - leadMinutes`, at once when that has passed) and stores the
 * ids. Call it after changing tasks' start or completion, with the transaction that made
 * the change: the jobs commit or roll back with it.
 *
 * Writes `startJobId` with SQL of its own, so the tasks' `updatedAt` does not move (plan
 * undo compares it). Missing tasks are skipped (cancel their reminder before deleting them).
 */
export async function syncTaskStartReminders({
  tx,
  jobs,
  taskIds,
  clock,
}: {
  /** The caller's open transaction (a client opens one of its own). */
  tx: Db;
  jobs: JobSender;
  taskIds: readonly string[];
  clock: Clock;
}): Promise<{ jobIds: Map<string, string | null> }> {
  if (taskIds.length === 0) return { jobIds: new Map() };
  return withTransaction(tx, async (t) => {
    // Locked in id order, so two syncs over overlapping tasks cannot deadlock.
    const tasks = await t.$queryRaw<ReminderState[]>`
      SELECT t.id, t."startJobId", t."startTime", t."completedAt", u."notifyLeadMinutes" AS "leadMinutes"
      FROM tasks t JOIN users u ON u.id = t."userId"
      WHERE t.id = ANY(${[...taskIds]}::uuid[])
      ORDER BY t.id
      FOR UPDATE OF t`;
    const queued = tasks.flatMap((task) => (task.startJobId ? [task.startJobId] : []));
    await jobs.cancelMany(TASK_STARTING_JOB, queued, { tx: t });

    const now = clock.now();
    const due = tasks.flatMap((task) => {
      const job = taskStartReminderJob({ ...task, taskId: task.id, now });
      return job ? [{ taskId: task.id, job }] : [];
    });
    const sent = await jobs.sendMany(
      TASK_STARTING_JOB,
      due.map(({ job }) => job),
      { tx: t },
    );

    const jobIds = new Map<string, string | null>(tasks.map((task) => [task.id, null]));
    due.forEach(({ taskId }, i) => {
      jobIds.set(taskId, sent[i] ?? null);
    });
    const changed = tasks.filter((task) => jobIds.get(task.id) !== task.startJobId);
    if (changed.length > 0) {
      await t.$executeRaw`
        UPDATE tasks SET "startJobId" = v.job_id
        FROM unnest(${changed.map((task) => task.id)}::uuid[], ${changed.map((task) => jobIds.get(task.id) ?? null)}::text[])
          AS v(id, job_id)
        WHERE tasks.id = v.id`;
    }
    return { jobIds };
  });
}
