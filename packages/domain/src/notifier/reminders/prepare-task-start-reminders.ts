import { randomUUID } from "node:crypto";
import type { JobSender, JobToSend } from "@agendacraft/db/jobs";
import type { Prisma } from "@agendacraft/db/prisma";
import type { Clock } from "../../shared/clock.ts";
import { userNotFound } from "../notifier-errors.ts";
import { taskStartReminderJob } from "./task-start-reminder-job.ts";
import { TASK_STARTING_JOB, type TaskStartingJobData } from "./task-starting.ts";

export type PreparedTaskStartReminders = {
  /** The id each task's `startJobId` gets in the bulk write (null: no reminder). */
  jobIds: ReadonlyMap<string, string | null>;
  /**
   * After the write: queues the reminders of the tasks it changed and cancels the jobs
   * those tasks named before. One statement per step, whatever the number of tasks.
   */
  send(written: readonly { taskId: string; previousJobId: string | null }[]): Promise<void>;
};

/**
 * For a bulk write that sets many open tasks' start times in one statement (a plan
 * commit or undo): chooses each task's reminder job and its id up front, so the same
 * statement can store `startJobId` and no second pass over the tasks is needed (what
 * `syncTaskStartReminders` would do). The jobs are queued by `send`, in the transaction.
 */
export async function prepareTaskStartReminders({
  tx,
  jobs,
  userId,
  starts,
  clock,
}: {
  tx: Prisma.TransactionClient;
  jobs: JobSender;
  userId: string;
  /** The start each task will have after the write; the tasks must be open. */
  starts: readonly { taskId: string; startTime: Date | null }[];
  clock: Clock;
}): Promise<PreparedTaskStartReminders> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { notifyLeadMinutes: true } });
  if (!user) throw userNotFound();
  const now = clock.now();
  const planned = new Map<string, JobToSend<TaskStartingJobData> & { id: string }>();
  for (const { taskId, startTime } of starts) {
    const job = taskStartReminderJob({
      taskId,
      startTime,
      completedAt: null,
      leadMinutes: user.notifyLeadMinutes,
      now,
    });
    if (job) planned.set(taskId, { ...job, id: randomUUID() });
  }
  return {
    jobIds: new Map(starts.map(({ taskId }) => [taskId, planned.get(taskId)?.id ?? null])),
    async send(written) {
      const previous = written.flatMap(({ previousJobId }) => (previousJobId ? [previousJobId] : []));
      await jobs.cancelMany(TASK_STARTING_JOB, previous, { tx });
      const toSend = written.flatMap(({ taskId }) => planned.get(taskId) ?? []);
      await jobs.sendMany(TASK_STARTING_JOB, toSend, { tx });
    },
  };
}
