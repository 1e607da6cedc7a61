import { defineJob, defineJobType, type JobDefinition, type JobSender, type QueueOptions } from "@agendacraft/db/jobs";
import { z } from "zod";
import type { Db } from "../../shared/db.ts";
import type { GoogleConfig } from "./google-config.ts";
import { type AccessTokenSource, writeTaskEvents } from "./write-task-events.ts";

/** Brings one task's events in the write-target calendar in line with the task. */
export const WRITE_TASK_JOB = "calendars.google.write_task";
export const WriteTaskJob = defineJobType(WRITE_TASK_JOB, z.object({ userId: z.uuid(), taskId: z.uuid() }));

export const WRITE_TASK_QUEUE_OPTIONS: QueueOptions = {
  // Quota answers back off with jitter (and wait for Retry-After, see task-event-calendar.ts).
  retryLimit: 8,
  retryDelay: 5,
  retryBackoff: true,
  expireInSeconds: 120,
  // One waiting job per task (singletonKey = taskId): a burst of changes is one write, and a
  // change made while a write runs still gets a write after it. The job reads the task as it
  // is when it runs, so which change queued it does not matter.
  policy: "short",
};

/** Queues the write of these tasks' events, in the caller's transaction (a rolled-back change queues nothing). */
export async function requestTaskWrites({
  tx,
  jobs,
  userId,
  taskIds,
}: {
  tx: Db;
  jobs: JobSender;
  userId: string;
  taskIds: readonly string[];
}): Promise<void> {
  if (taskIds.length === 0) return;
  const wanted = await tasksWithCalendarWork(tx, userId, taskIds);
  if (wanted.length === 0) return;
  await jobs.sendMany(
    WriteTaskJob,
    wanted.map((taskId) => ({ data: { userId, taskId }, singletonKey: taskId })),
    { tx },
  );
}

/** Every task has work when the person has a write target; otherwise only those with events to delete. */
async function tasksWithCalendarWork(tx: Db, userId: string, taskIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(taskIds)];
  const target = await tx.connectedCalendar.findFirst({ where: { userId, writeTarget: true }, select: { id: true } });
  if (target) return unique;
  const written = await tx.taskCalendarEvent.findMany({
    where: { userId, taskId: { in: unique } },
    select: { taskId: true },
    distinct: ["taskId"],
  });
  return written.map((row) => row.taskId);
}

export function createWriteTaskJob({
  db,
  google,
  accessToken,
}: {
  db: Db;
  /** Null when the server has no Google client: nothing can have been connected, so nothing is written. */
  google: GoogleConfig | null;
  accessToken: AccessTokenSource;
}): JobDefinition<typeof WriteTaskJob> {
  return defineJob({
    type: WriteTaskJob,
    queueOptions: WRITE_TASK_QUEUE_OPTIONS,
    async handler(job) {
      if (!google) return;
      await writeTaskEvents({ db, google, accessToken, ...job.data });
    },
  });
}
