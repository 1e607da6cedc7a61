import type { Log } from "@agendacraft/api/context";
import type { Database } from "@agendacraft/db/client";
import {
  createJobQueue,
  type JobDefinition,
  type JobQueue,
  type JobSender,
  registerJobs,
  type WorkOptions,
} from "@agendacraft/db/jobs";

/**
 * Starts the job queue on the app's database (installing pg-boss's schema on first use),
 * defines every queue, and with `work` starts a worker per job definition.
 * Call after migrations; stop it before closing the database.
 */
export async function startJobQueue({
  db,
  log,
  definitions,
  work,
  stopTimeoutMs,
  workOptions,
  retired = [],
}: {
  db: Pick<Database, "pool">;
  log: Log;
  /** Built once the queue exists, so handlers can enqueue follow-up jobs. */
  definitions: (jobs: JobSender) => readonly JobDefinition[];
  work: boolean;
  stopTimeoutMs: number;
  workOptions?: WorkOptions;
  /** Queues of jobs that were renamed or dropped: deleted, so their schedules stop sending to nobody. */
  retired?: readonly string[];
}): Promise<JobQueue> {
  // Cron jobs are sent by the processes that work jobs.
  const queue = createJobQueue({ pool: db.pool, log, stopTimeoutMs, cron: work });
  await queue.start();
  try {
    const list = definitions(queue);
    await registerJobs(queue, list, { work, ...(workOptions ? { workOptions } : {}) });
    for (const name of retired) {
      // Leftovers cost nothing but a stray cron job: a failure here must not stop the start.
      await queue
        .deleteQueue(name)
        .catch((error: unknown) => log.warn({ err: error, queue: name }, "could not delete a retired job queue"));
    }
    log.info(
      { jobs: list.map((definition) => definition.type.name), workers: work ? list.length : 0 },
      work ? `job queue started with ${list.length} worker(s)` : "job queue started (workers off: enqueue only)",
    );
    return queue;
  } catch (error) {
    await queue.stop();
    throw error;
  }
}

/** Half the shutdown budget for running jobs; the rest is for closing requests and the database. */
export function jobStopTimeoutMs(shutdownTimeoutMs: number): number {
  return Math.max(1_000, Math.floor(shutdownTimeoutMs / 2));
}
