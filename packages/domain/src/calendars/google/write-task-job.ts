import { defineJob, defineJobType, type JobDefinition, type JobSender, type QueueOptions } from "@agendacraft/db/jobs";
import { z } from "zod";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import { DomainError } from "../../shared/errors.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import type { SecretKeyring } from "../../shared/secrets/secret-keyring.ts";
import { getAccessToken } from "./get-access-token.ts";
import { readGoogleFailure } from "./google-api-error.ts";
import type { GoogleConfig } from "./google-config.ts";
import { writeTaskEvents } from "./write-task-events.ts";

/** Brings one task's events in the write-target calendar in line with the task. */
export const WRITE_TASK_JOB = "calendars.google.write_task";
export const WriteTaskJob = defineJobType(WRITE_TASK_JOB, z.object({ userId: z.uuid(), taskId: z.uuid() }));

const DAY_MS = 24 * 60 * 60 * 1000;
/** A bound on one person's rewrite (per kind), so a huge history cannot make one huge statement. */
const MAX_PERSON_TASK_WRITES = 5_000;

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

/**
 * Queues the write of every task of the person that has or should have an event: the
 * scheduled ones from a day ago on, and every one with an event written. For when the write
 * target changed or a connection came back: the jobs move, add or delete what differs.
 */
export async function requestPersonTaskWrites({
  tx,
  jobs,
  userId,
  clock,
}: {
  tx: Db;
  jobs: JobSender;
  userId: string;
  clock: Clock;
}): Promise<void> {
  const since = new Date(clock.now().getTime() - DAY_MS);
  const scheduled = await tx.task.findMany({
    where: { userId, startTime: { gte: since } },
    select: { id: true },
    take: MAX_PERSON_TASK_WRITES,
  });
  const written = await tx.taskCalendarEvent.findMany({
    where: { userId },
    select: { taskId: true },
    distinct: ["taskId"],
    take: MAX_PERSON_TASK_WRITES,
  });
  await requestTaskWrites({
    tx,
    jobs,
    userId,
    taskIds: [...scheduled.map((task) => task.id), ...written.map((row) => row.taskId)],
  });
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
  secrets,
  clock,
  events,
}: {
  db: Db;
  /** Null when the server has no Google client: nothing can have been connected, so nothing is written. */
  google: GoogleConfig | null;
  /** Open the connections' stored tokens. */
  secrets: SecretKeyring;
  clock: Clock;
  /** Records that a connection needs reconnecting when Google refuses its refresh. */
  events: EventRecorder;
}): JobDefinition<typeof WriteTaskJob> {
  return defineJob({
    type: WriteTaskJob,
    queueOptions: WRITE_TASK_QUEUE_OPTIONS,
    async handler(job) {
      if (!google) return;
      const tokenDeps = { db, google, secrets, clock, events };
      const handed = new Map<string, string>();
      try {
        await writeTaskEvents({
          db,
          google,
          accessToken: async (connectionId) => {
            const token = await getAccessToken({ ...tokenDeps, connectionId });
            handed.set(connectionId, token);
            return token;
          },
          ...job.data,
        });
      } catch (error) {
        // Google refused the connection's refresh: it waits for its person to reconnect, not for retries.
        if (isNeedsReconnect(error)) return;
        if (readGoogleFailure(error).status === 401) {
          // A token refused before its expiry (access removed in Google, or reset): refresh it now,
          // so the retry has a new one, or learn that the grant is gone and stop here.
          try {
            for (const [connectionId, rejectedToken] of handed) {
              await getAccessToken({ ...tokenDeps, connectionId, rejectedToken });
            }
          } catch (refreshError) {
            if (isNeedsReconnect(refreshError)) return;
            throw refreshError;
          }
        }
        throw error;
      }
    },
  });
}

function isNeedsReconnect(error: unknown): boolean {
  return error instanceof DomainError && error.code === "calendars.needs_reconnect";
}
