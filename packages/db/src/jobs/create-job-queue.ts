import { randomUUID } from "node:crypto";
import type pg from "pg";
import PgBoss from "pg-boss";
import { listDeadLetters, retryDeadLetter } from "./dead-letters.ts";
import type { JobType } from "./job-type.ts";
import { queueIsAsDefined } from "./queue-as-defined.ts";
import { queueStats } from "./queue-stats.ts";
import { poolExecutor, type SqlExecutor, transactionExecutor } from "./sql-executors.ts";
import { type RunningWorker, startWorker } from "./start-worker.ts";
import type {
  CancelJobOptions,
  DeadLetter,
  JobHandler,
  JobLog,
  JobSender,
  ListDeadLettersOptions,
  QueueOptions,
  QueueStats,
  SendJobOptions,
  WorkOptions,
} from "./types.ts";

const QUEUE_NAME = /^[A-Za-z0-9][\w.-]*$/;
const DEAD_LETTER_SUFFIX = ".dead";
const DEFAULT_POLLING_INTERVAL_SECONDS = 2;
const MIN_POLLING_INTERVAL_SECONDS = 0.5;
const DEFAULT_STOP_TIMEOUT_MS = 10_000;

export type JobQueueOptions = {
  /** The application's pool (`Database.pool`): the queue shares it, so the embedded database keeps one connection. */
  pool: pg.Pool;
  log?: JobLog;
  /** How long `stop()` waits for running handlers before failing them (they run again later). Default 10 s. */
  stopTimeoutMs?: number;
  /** Expire stuck jobs and archive finished ones from this process (default true; any number of processes may). */
  maintenance?: boolean;
  /**
   * Send the jobs of cron schedules (`schedule()`) from this process (default false). Turn it
   * on where workers run: it adds pg-boss's timekeeper, which polls its own internal queue.
   * Any number of processes may; pg-boss sends each due job once.
   */
  cron?: boolean;
};

export type JobQueueState = "created" | "starting" | "started" | "stopping" | "stopped";

export type JobQueue = JobSender & {
  /** Installs or updates pg-boss's schema (`pgboss`, outside Prisma's migrations) and starts maintenance. Idempotent. */
  start(): Promise<void>;
  /** Stops fetching, waits for running handlers (up to `stopTimeoutMs`), fails the rest. Final: create a new queue to start again. */
  stop(): Promise<void>;
  state(): JobQueueState;
  /** Creates the queue and, unless `deadLetter: false`, its dead-letter queue `<name>.dead`; later calls update the options. */
  defineQueue(name: string, options: QueueOptions): Promise<void>;
  /**
   * Sends a job to `name` on every `cron` tick (5-field cron, UTC), from whichever process runs
   * with `cron: true`. Replaces the queue's previous schedule; the queue must be defined.
   */
  schedule(name: string, cron: string): Promise<void>;
  /**
   * Deletes a queue the code no longer defines (a renamed job): its jobs in every state, its
   * cron schedule and its dead-letter queue with its dead letters. Nothing happens when it does not exist.
   */
  deleteQueue(name: string): Promise<void>;
  /** Polls `name` and runs `handler` for each job until `stop()`; resolves with the worker's id. Needs `start()`. */
  work<T = unknown>(name: string, handler: JobHandler<T>, options?: WorkOptions): Promise<string>;
  /** Readiness: throws with the reason when the queue is not started or its schema cannot be read. */
  probe(): Promise<void>;
  listDeadLetters(options?: ListDeadLettersOptions): Promise<DeadLetter[]>;
  /** Re-sends a dead letter's data to its original queue; resolves with the new job's id. */
  retryDeadLetter(id: string): Promise<{ id: string; queue: string; deadLetterId: string }>;
  /** Jobs waiting, deferred, running and dead-lettered per queue (for metrics). Needs the schema, not `start()`. */
  stats(): Promise<QueueStats[]>;
};

/**
 * The job queue: pg-boss 10 over the application's own PostgreSQL (embedded included).
 * Nothing touches the database until `start()`, `defineQueue()` or a send.
 */
export function createJobQueue({
  pool,
  log,
  stopTimeoutMs = DEFAULT_STOP_TIMEOUT_MS,
  maintenance = true,
  cron = false,
}: JobQueueOptions): JobQueue {
  const executor = poolExecutor(pool);
  const boss = new PgBoss({
    db: executor as PgBoss.Db,
    migrate: true,
    supervise: maintenance,
    // Only where asked: the timekeeper adds a poller and its internal queue to the process.
    schedule: cron,
  });
  // Maintenance reports its failures as events; an EventEmitter without a listener would throw them.
  boss.on("error", (error) => log?.error({ err: error }, "job queue maintenance failed"));

  let state: JobQueueState = "created";
  let starting: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;
  const workers: RunningWorker[] = [];
  // A queue's policy is fixed by the code that defines it: read once, not on every send.
  const policies = new Map<string, string>();

  function executorFor(tx: SendJobOptions["tx"]): SqlExecutor {
    return tx ? transactionExecutor(tx) : executor;
  }

  async function queueExists(on: SqlExecutor, name: string): Promise<boolean> {
    const { rows } = await on.executeSql("SELECT 1 FROM pgboss.queue WHERE name = $1", [name]);
    return rows.length > 0;
  }

  async function readPolicy(on: SqlExecutor, name: string): Promise<string> {
    const { rows } = await on.executeSql("SELECT policy FROM pgboss.queue WHERE name = $1", [name]);
    if (rows.length === 0) {
      throw new Error(`there is no job queue named "${name}"; define it (defineQueue) before sending to it`);
    }
    const policy: string = rows[0].policy ?? "standard";
    policies.set(name, policy);
    return policy;
  }

  async function cancelJobs({ name }: JobType, ids: readonly string[], { tx }: CancelJobOptions = {}): Promise<number> {
    if (ids.length === 0) return 0;
    // Typed as void by pg-boss; it resolves with counts.
    const result = (await boss.cancel(name, [...ids], { db: executorFor(tx) as PgBoss.Db })) as unknown as {
      affected: number;
    };
    return result.affected;
  }

  async function stop() {
    state = "stopping";
    const deadline = Date.now() + stopTimeoutMs;
    for (const worker of workers) worker.stop();
    const finished = await settlesWithin(Promise.all(workers.map((worker) => worker.done)), stopTimeoutMs);
    if (!finished) {
      await Promise.all(workers.map((worker) => worker.abandon("the job queue stopped before the job finished")));
    }
    await boss.stop({ graceful: false, close: false });
    // Maintenance may still be mid-statement; the database must outlive it.
    await executor.drain(Math.max(0, deadline - Date.now()));
    state = "stopped";
    log?.info({ workers: workers.length }, "job queue stopped");
  }

  return {
    state: () => state,

    start() {
      if (state === "stopping" || state === "stopped") {
        return Promise.reject(new Error("this job queue was stopped; create a new one to start again"));
      }
      starting ??= (async () => {
        state = "starting";
        try {
          await boss.start();
          state = "started";
        } catch (error) {
          state = "created";
          starting = undefined;
          throw error;
        }
      })();
      return starting;
    },

    stop() {
      stopping ??= stop();
      return stopping;
    },

    async defineQueue(name, options) {
      assertQueueName(name);
      const deadLetter = options.deadLetter === false ? undefined : `${name}${DEAD_LETTER_SUFFIX}`;
      const queue: PgBoss.Queue = {
        name,
        policy: options.policy ?? "standard",
        retryLimit: options.retryLimit,
        retryDelay: options.retryDelay,
        retryBackoff: options.retryBackoff,
        expireInSeconds: options.expireInSeconds,
        ...(deadLetter ? { deadLetter } : {}),
      };
      if (!(await queueIsAsDefined(executor, queue))) {
        if (deadLetter) await boss.createQueue(deadLetter, { name: deadLetter });
        await boss.createQueue(name, queue);
        // createQueue leaves an existing queue as it was; the code's options win.
        await boss.updateQueue(name, queue);
      }
      policies.set(name, queue.policy ?? "standard");
    },

    async send({ name, schema }, data, { startAfter, singletonKey, tx } = {}) {
      const on = executorFor(tx);
      // Types guard the callers we compile; the schema guards the rest (and strips unknown keys).
      const id = await boss.send(name, schema.parse(data), {
        ...(startAfter ? { startAfter } : {}),
        ...(singletonKey ? { singletonKey } : {}),
        db: on as PgBoss.Db,
      });
      if (id) return id;
      // pg-boss inserts nothing, silently, for a queue that does not exist.
      if (!(await queueExists(on, name))) {
        throw new Error(`there is no job queue named "${name}"; define it (defineQueue) before sending to it`);
      }
      return null;
    },

    async sendMany({ name, schema }, batch, { tx } = {}) {
      assertQueueName(name);
      if (batch.length === 0) return [];
      const on = executorFor(tx);
      const policy = policies.get(name) ?? (await readPolicy(on, name));
      // pg-boss's insert returns no ids, so they are chosen here (or by the caller).
      const ids = batch.map((job) => job.id ?? randomUUID());
      await boss.insert(
        batch.map(({ data, startAfter, singletonKey }, i) => ({
          id: ids[i],
          name,
          data: schema.parse(data),
          ...(startAfter ? { startAfter: startAfter.toISOString() } : {}),
          ...(singletonKey ? { singletonKey } : {}),
        })),
        { db: on as PgBoss.Db },
      );
      // Only a deduplicating policy drops jobs silently; then read back which were kept.
      if (policy === "standard") return ids;
      const { rows } = await on.executeSql("SELECT id FROM pgboss.job WHERE name = $1 AND id = ANY($2::uuid[])", [
        name,
        ids,
      ]);
      const kept = new Set(rows.map((row: { id: string }) => row.id));
      return ids.map((id) => (kept.has(id) ? id : null));
    },

    async cancel(type, id, options) {
      return (await cancelJobs(type, [id], options)) > 0;
    },

    cancelMany: cancelJobs,

    async schedule(name, cronExpression) {
      assertQueueName(name);
      await boss.schedule(name, cronExpression, {}, { tz: "UTC" });
    },

    async deleteQueue(name) {
      assertQueueName(name);
      // The queue first: its jobs name the dead-letter queue. pg-boss refuses to delete a queue
      // that still has jobs (of any state), so they go first.
      for (const queueName of [name, `${name}${DEAD_LETTER_SUFFIX}`]) {
        await executor.executeSql("DELETE FROM pgboss.job WHERE name = $1", [queueName]);
        await boss.deleteQueue(queueName);
      }
      policies.delete(name);
    },

    async work(name, handler, { batchSize = 1, pollingIntervalSeconds = DEFAULT_POLLING_INTERVAL_SECONDS } = {}) {
      if (state !== "started") throw new Error(`start() the job queue before work() (it is ${state})`);
      assertQueueName(name);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error("batchSize must be a whole number from 1");
      if (!(pollingIntervalSeconds >= MIN_POLLING_INTERVAL_SECONDS)) {
        throw new Error(`pollingIntervalSeconds must be at least ${MIN_POLLING_INTERVAL_SECONDS}`);
      }
      const worker = startWorker({
        boss,
        executor,
        queue: name,
        handler: handler as JobHandler<unknown>,
        batchSize,
        pollingIntervalMs: pollingIntervalSeconds * 1000,
        log,
      });
      workers.push(worker);
      return worker.id;
    },

    async probe() {
      if (state !== "started") throw new Error(`job queue is ${state === "created" ? "not started" : state}`);
      const version = await boss.schemaVersion();
      if (version === null) throw new Error("job queue schema pgboss is missing");
    },

    listDeadLetters: (options) => listDeadLetters(executor, options),
    retryDeadLetter: (id) => retryDeadLetter(boss, pool, id),
    stats: () => queueStats(executor),
  };
}

function assertQueueName(name: string) {
  if (!QUEUE_NAME.test(name)) {
    throw new Error(`"${name}" is not a queue name: use letters, digits, ".", "_" and "-"`);
  }
}

async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => true,
      ),
      timedOut,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
