import { defineJob, type JobDefinition, type JobSender, type QueueOptions } from "@agendacraft/db/jobs";
import { z } from "zod";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import { syncTaskStartReminder } from "./sync-task-start-reminder.ts";

/** Re-times one person's queued reminders after their lead time changed. */
export const RETIME_REMINDERS_JOB = "notifier.retime-reminders";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Reminders of tasks starting this soon are re-timed; later ones correct themselves when their job runs. */
const RETIME_HORIZON_MS = 30 * DAY_MS;
const RETIME_MAX_TASKS = 2_000;

const ZRetimeRemindersData = z.object({ userId: z.uuid() });

export const RETIME_REMINDERS_QUEUE_OPTIONS: QueueOptions = {
  retryLimit: 3,
  retryDelay: 10,
  retryBackoff: true,
  expireInSeconds: 600,
  // At most one waiting job per person: several changes in a row re-time once, to the last.
  policy: "short",
};

/**
 * Asks for the person's reminders to be re-timed, inside the caller's transaction. The
 * re-timing itself is one job's work, not the request's: it touches each of up to
 * 2,000 reminders, which would hold a settings change for seconds.
 */
export async function requestReminderRetiming({ tx, jobs, userId }: { tx: Db; jobs: JobSender; userId: string }) {
  await jobs.send(RETIME_REMINDERS_JOB, { userId }, { tx, singletonKey: userId });
}

/**
 * Queues each open task's reminder again (from its start and the lead time as it is now)
 * for the tasks starting within 30 days, soonest first; each in its own transaction, so
 * other work on the database interleaves. Idempotent: running it twice re-times twice.
 */
export async function retimeReminders({
  db,
  jobs,
  clock,
  userId,
}: {
  db: Db;
  jobs: JobSender;
  clock: Clock;
  userId: string;
}): Promise<{ retimed: number }> {
  const now = clock.now();
  const upcoming = await db.task.findMany({
    where: { userId, completedAt: null, startTime: { gt: now, lte: new Date(now.getTime() + RETIME_HORIZON_MS) } },
    orderBy: { startTime: "asc" },
    take: RETIME_MAX_TASKS,
    select: { id: true },
  });
  for (const task of upcoming) await syncTaskStartReminder({ tx: db, jobs, taskId: task.id, clock });
  return { retimed: upcoming.length };
}

export function createRetimeRemindersJob({
  db,
  jobs,
  clock,
}: {
  db: Db;
  jobs: JobSender;
  clock: Clock;
}): JobDefinition<{ userId: string }> {
  return defineJob<{ userId: string }>({
    name: RETIME_REMINDERS_JOB,
    queueOptions: RETIME_REMINDERS_QUEUE_OPTIONS,
    async handler(job) {
      const { userId } = ZRetimeRemindersData.parse(job.data);
      await retimeReminders({ db, jobs, clock, userId });
    },
  });
}
