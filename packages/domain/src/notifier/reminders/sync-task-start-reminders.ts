import type { JobSender } from "@agendacraft/db/jobs";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { taskStartReminderJob } from "./task-start-reminder-job.ts";
import { TaskStartingJob } from "./task-starting.ts";

const MINUTE_MS = 60_000;

type ReminderState = {
  id: string;
  userId: string;
  startTime: Date | null;
  completedAt: Date | null;
  leadMinutes: number;
};

type Queued = { taskId: string; jobId: string; startTime: Date; fireAt: Date };

/**
 * Makes the queued "task starting" reminders of many tasks match the tasks as they are
 * now, in a fixed number of statements whatever their count (a plan commits thousands).
 * A task whose queued job was made for the start and moment it still wants keeps it (so
 * a repeated or late event changes nothing); any other job is cancelled, and each open
 * task starting in the future gets a new one at `startTime - leadMinutes` (at once when
 * that has passed). A task that is gone loses its reminder. Writes only the notifier's own
 * table (`task_reminders`), in the caller's transaction.
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
    const queued = await t.$queryRaw<Queued[]>`
      SELECT "taskId", "jobId", "startTime", "fireAt" FROM task_reminders WHERE "taskId" = ANY(${ids}::uuid[])
      ORDER BY "taskId" FOR UPDATE`;
    const tasks = await t.$queryRaw<ReminderState[]>`
      SELECT t.id, t."userId", t."startTime", t."completedAt", u."notifyLeadMinutes" AS "leadMinutes"
      FROM tasks t JOIN users u ON u.id = t."userId"
      WHERE t.id = ANY(${ids}::uuid[])`;

    const now = clock.now();
    const current = new Map(queued.map((row) => [row.taskId, row]));
    const jobIds = new Map<string, string | null>(ids.map((id) => [id, null]));
    const kept = new Set<string>();
    const due = tasks.flatMap((task) => {
      const job = taskStartReminderJob({ ...task, taskId: task.id, now });
      if (!job || !task.startTime) return [];
      const fireAt = new Date(task.startTime.getTime() - task.leadMinutes * MINUTE_MS);
      const existing = current.get(task.id);
      if (existing && sameInstant(existing.startTime, task.startTime) && sameInstant(existing.fireAt, fireAt)) {
        kept.add(task.id);
        jobIds.set(task.id, existing.jobId);
        return [];
      }
      return [{ task, job, startTime: task.startTime, fireAt }];
    });

    const stale = queued.filter((row) => !kept.has(row.taskId));
    await jobs.cancelMany(
      TaskStartingJob,
      stale.map((row) => row.jobId),
      { tx: t },
    );
    const sent = await jobs.sendMany(
      TaskStartingJob,
      due.map(({ job }) => job),
      { tx: t },
    );
    const rows = due.flatMap(({ task, startTime, fireAt }, i) => {
      const jobId = sent[i] ?? null;
      jobIds.set(task.id, jobId);
      return jobId ? [{ taskId: task.id, userId: task.userId, jobId, startTime, fireAt }] : [];
    });
    const replaced = ids.filter((id) => !kept.has(id));
    await t.$executeRaw`DELETE FROM task_reminders WHERE "taskId" = ANY(${replaced}::uuid[])`;
    if (rows.length > 0) {
      await t.$executeRaw`
        INSERT INTO task_reminders ("taskId", "userId", "jobId", "startTime", "fireAt")
        SELECT * FROM unnest(
          ${rows.map((row) => row.taskId)}::uuid[],
          ${rows.map((row) => row.userId)}::uuid[],
          ${rows.map((row) => row.jobId)}::text[],
          ${rows.map((row) => row.startTime.toISOString())}::timestamptz[],
          ${rows.map((row) => row.fireAt.toISOString())}::timestamptz[])`;
    }
    return { jobIds };
  });
}

function sameInstant(a: Date, b: Date): boolean {
  return a.getTime() === b.getTime();
}
