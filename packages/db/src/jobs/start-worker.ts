import { randomUUID } from "node:crypto";
import type PgBoss from "pg-boss";
import { retryAfterSecondsOf } from "./retry-later-error.ts";
import type { SqlExecutor } from "./sql-executors.ts";
import type { JobHandler, JobLog } from "./types.ts";

const MAX_FETCH_BACKOFF_MS = 30_000;

export type RunningWorker = {
  id: string;
  queue: string;
  /** Stops fetching; `done` resolves when the jobs in hand have finished. */
  stop(): void;
  done: Promise<void>;
  /** Gives up on jobs still running: aborts their signals and fails them so they run again elsewhere. */
  abandon(reason: string): Promise<void>;
};

type ActiveJob = { controller: AbortController; abandoned: boolean };

/**
 * One polling loop over one queue. pg-boss's own `work()` completes and fails jobs without
 * awaiting the statements (a failed one is an unhandled rejection, and stopping cannot wait
 * for them); this loop uses its fetch, complete and fail, and awaits each.
 */
export function startWorker({
  boss,
  executor,
  queue,
  handler,
  batchSize,
  pollingIntervalMs,
  log,
}: {
  boss: PgBoss;
  executor: SqlExecutor;
  queue: string;
  handler: JobHandler<unknown>;
  batchSize: number;
  pollingIntervalMs: number;
  log?: JobLog;
}): RunningWorker {
  const id = randomUUID();
  const active = new Map<string, ActiveJob>();
  let stopping = false;
  let wake: (() => void) | undefined;

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });
  }

  async function fetchJobs() {
    // pg-boss's fetch swallows every error and returns no jobs; keep the error to report it.
    let failure: unknown;
    const jobs = await boss.fetch<unknown>(queue, {
      batchSize,
      includeMetadata: true,
      db: {
        executeSql: (text, values) =>
          executor.executeSql(text, values).catch((error: unknown) => {
            failure = error;
            throw error;
          }),
      },
    });
    if (failure) throw failure;
    return jobs;
  }

  async function record(job: PgBoss.JobWithMetadata<unknown>, outcome: "complete" | "fail", error?: unknown) {
    try {
      if (outcome === "complete") await boss.complete(queue, job.id);
      else {
        await failJobs(boss, queue, job.id, error);
        await deferRetry(executor, queue, job.id, retryAfterSecondsOf(error));
      }
    } catch (recordError) {
      log?.error(
        { err: recordError, queue, jobId: job.id },
        `could not record that the job ${outcome === "complete" ? "completed" : "failed"}; it runs again once it expires`,
      );
    }
  }

  async function runJob(job: PgBoss.JobWithMetadata<unknown>) {
    const entry: ActiveJob = { controller: new AbortController(), abandoned: false };
    active.set(job.id, entry);
    // EXTRACT(epoch ...) arrives as a numeric string.
    const expireInSeconds = Number(job.expireInSeconds);
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new Error(`the job ran longer than its ${expireInSeconds} s`);
        entry.controller.abort(error);
        reject(error);
      }, Math.max(1, expireInSeconds) * 1000);
    });
    const running = Promise.resolve().then(() =>
      handler({
        id: job.id,
        name: job.name,
        data: job.data,
        retryCount: job.retryCount,
        signal: entry.controller.signal,
      }),
    );
    // The handler may settle after the race is decided (expired, abandoned); that is not an unhandled rejection.
    running.catch(() => undefined);
    try {
      await Promise.race([running, expired]);
      if (!entry.abandoned) await record(job, "complete");
    } catch (error) {
      if (!entry.abandoned) {
        log?.warn(
          { err: error, queue, jobId: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit },
          job.retryCount < job.retryLimit ? "job failed; it will be retried" : "job failed for the last time",
        );
        await record(job, "fail", error);
      }
    } finally {
      clearTimeout(timer);
      active.delete(job.id);
    }
  }

  async function loop() {
    let failures = 0;
    while (!stopping) {
      let fetched: PgBoss.JobWithMetadata<unknown>[] = [];
      try {
        fetched = await fetchJobs();
        failures = 0;
      } catch (error) {
        failures += 1;
        log?.warn({ err: error, queue, failures }, "could not fetch jobs; trying again");
      }
      if (fetched.length > 0) {
        await Promise.all(fetched.map(runJob));
        continue;
      }
      if (stopping) break;
      await sleep(failures > 0 ? Math.min(pollingIntervalMs * 2 ** failures, MAX_FETCH_BACKOFF_MS) : pollingIntervalMs);
    }
  }

  return {
    id,
    queue,
    stop() {
      stopping = true;
      wake?.();
    },
    done: loop(),
    async abandon(reason) {
      const error = new Error(reason);
      const ids = [...active.entries()].filter(([, entry]) => !entry.abandoned).map(([jobId]) => jobId);
      for (const jobId of ids) {
        const entry = active.get(jobId);
        if (!entry) continue;
        entry.abandoned = true;
        entry.controller.abort(error);
      }
      if (ids.length === 0) return;
      log?.warn({ queue, jobIds: ids }, "stopping before these jobs finished; they will run again");
      await failJobs(boss, queue, ids, error).catch((failError: unknown) => {
        log?.error(
          { err: failError, queue, jobIds: ids },
          "could not fail the unfinished jobs; they run again once they expire",
        );
      });
    },
  };
}

/**
 * Moves a failed job's retry to no sooner than `seconds` from now when the failure asked for a
 * wait (Retry-After); the queue's own backoff stands when it is longer.
 */
async function deferRetry(executor: SqlExecutor, queue: string, id: string, seconds: number | undefined) {
  if (seconds === undefined) return;
  await executor.executeSql(
    `UPDATE pgboss.job SET start_after = GREATEST(start_after, now() + $3 * interval '1 second')
     WHERE name = $1 AND id = $2 AND state = 'retry'`,
    [queue, id, seconds],
  );
}

/** pg-boss's `fail` takes error data for many ids too; its type declarations only admit it for one. */
function failJobs(boss: PgBoss, queue: string, ids: string | string[], error: unknown): Promise<unknown> {
  return (boss.fail as (name: string, ids: string | string[], data: unknown) => Promise<unknown>)(queue, ids, error);
}
