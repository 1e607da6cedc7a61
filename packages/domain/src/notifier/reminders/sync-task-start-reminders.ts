import type { JobSender } from "@agendacraft/db/jobs";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { taskStartReminderJob } from "./task-start-reminder-job.ts";
import { TaskStartingJob } from "./task-starting.ts";

type ReminderState = {
  id: string;
  userId: string;
  startTime: Date | null;
  completedAt: Date | null;
  leadMinutes: number;
};

/**
 * Makes the queued "task starting" reminders of many tasks match the tasks as they are
 * now, in a fixed number of statements whatever their count (a plan commits thousands):
 * cancels each task's queued job (`task_reminders`), queues a new one for each open task
 * starting in the future (at `startTime - leadMinutes`, at once when that has passed) and
 * stores the ids. A task that is gone loses its reminder. Idempotent: running it twice
 * leaves one live job per task. Writes only the notifier's own table.
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
  const ids = [...new Set(taskIds)].sort();
  return withTransaction(tx, async (t) => {
    // Locked in id order, so two syncs over overlapping tasks cannot deadlock.
    const queued = await t.$queryRaw<{ taskId: string; jobId: string }[]>`
      SELECT "taskId", "jobId" FROM task_reminders WHERE "taskId" = ANY(${ids}::uuid[])
      ORDER BY "taskId" FOR UPDATE`;
    await jobs.cancelMany(
      TaskStartingJob,
      queued.map((row) => row.jobId),
      { tx: t },
    );
    const tasks = await t.$queryRaw<ReminderState[]>`
      SELECT t.id, t."userId", t."startTime", t."completedAt", u."notifyLeadMinutes" AS "leadMinutes"
      FROM tasks t JOIN users u ON u.id = t."userId"
      WHERE t.id = ANY(${ids}::uuid[])`;

    const now = clock.now();
    const due = tasks.flatMap((task) => {
      const job = taskStartReminderJob({ ...task, taskId: task.id, now });
      return job ? [{ task, job }] : [];
    });
    const sent = await jobs.sendMany(
      TaskStartingJob,
      due.map(({ job }) => job),
      { tx: t },
    );

    const jobIds = new Map<string, string | null>(ids.map((id) => [id, null]));
    const rows = due.flatMap(({ task }, i) => {
      const jobId = sent[i] ?? null;
      jobIds.set(task.id, jobId);
      return jobId ? [{ taskId: task.id, userId: task.userId, jobId }] : [];
    });
    await t.$executeRaw`DELETE FROM task_reminders WHERE "taskId" = ANY(${ids}::uuid[])`;
    if (rows.length > 0) {
      await t.$executeRaw`
        INSERT INTO task_reminders ("taskId", "userId", "jobId")
        SELECT * FROM unnest(
          ${rows.map((row) => row.taskId)}::uuid[],
          ${rows.map((row) => row.userId)}::uuid[],
          ${rows.map((row) => row.jobId)}::text[])`;
    }
    return { jobIds };
  });
}
