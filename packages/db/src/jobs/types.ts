import type { Prisma } from "../generated/prisma/client.ts";
import type { JobPayloadIn, JobType } from "./job-type.ts";

/**
 * Where a send or cancel runs: an open Prisma transaction (`Prisma.TransactionClient`),
 * so the job exists exactly when the change that caused it commits. A plain client is
 * accepted too (the statement then runs on its own).
 */
export type JobTransaction = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

export type SendJobOptions = {
  /** Not before this time. */
  startAfter?: Date;
  /**
   * Deduplication key. It only deduplicates on queues whose `policy` says so: `short` keeps
   * one waiting job per key, `singleton` one active job per key, `stately` one of each.
   */
  singletonKey?: string;
  /** Insert through this transaction. Inside a transaction this is required: on the embedded database a statement outside it waits for it forever. */
  tx?: JobTransaction;
};

export type CancelJobOptions = { tx?: JobTransaction };

/** One job of a `sendMany` batch. */
export type JobToSend<T> = {
  data: T;
  startAfter?: Date;
  singletonKey?: string;
  /** A UUID chosen by the caller, so a row can name its job in the same statement that writes the row. */
  id?: string;
};

/**
 * What domain services depend on to enqueue work: small enough to fake, with no trace of
 * pg-boss. `JobQueue` implements it.
 */
export type JobSender = {
  /**
   * Enqueues a job of `type` (its payload is checked by the type's schema); resolves with
   * its id, or null when the queue's policy dropped it as a duplicate of `singletonKey`.
   */
  send<T extends JobType>(type: T, data: JobPayloadIn<T>, options?: SendJobOptions): Promise<string | null>;
  /**
   * Enqueues many jobs on one queue in one statement (plus, on a queue whose policy
   * deduplicates, one to read back which were kept), so a change touching thousands of rows
   * makes no round trip per job. Resolves with the ids in the
   * order given, null where the queue's policy dropped a duplicate (of two duplicates
   * within one batch, which one is kept is up to the database).
   */
  sendMany<T extends JobType>(
    type: T,
    jobs: readonly JobToSend<JobPayloadIn<T>>[],
    options?: Pick<SendJobOptions, "tx">,
  ): Promise<(string | null)[]>;
  /** Cancels a job that has not finished; resolves true when one was cancelled. */
  cancel(type: JobType, id: string, options?: CancelJobOptions): Promise<boolean>;
  /** Cancels many jobs of one queue in one statement; resolves with how many were cancelled. */
  cancelMany(type: JobType, ids: readonly string[], options?: CancelJobOptions): Promise<number>;
};

/** What a queue holds at one moment. */
export type QueueStats = {
  queue: string;
  /** Waiting to run now (including retries due). */
  queued: number;
  /** Waiting for a later start (e.g. reminders due in the future, retries backing off). */
  deferred: number;
  /** Being run by a worker. */
  active: number;
  /** Jobs that used up their retries, waiting in `<queue>.dead` for someone to retry them. */
  deadLetters: number;
};

export type QueuePolicy = "standard" | "short" | "singleton" | "stately";

export type QueueOptions = {
  /** Retries after the first attempt; then the job fails (and moves to the dead-letter queue). */
  retryLimit: number;
  /** Seconds before a retry (the base of the backoff when `retryBackoff` is on). */
  retryDelay: number;
  /** Exponential backoff with jitter between retries. */
  retryBackoff: boolean;
  /** A handler running longer than this fails (and is retried). At most 24 h. */
  expireInSeconds: number;
  /** Move jobs that exhausted their retries to `<name>.dead` (default true). */
  deadLetter?: boolean;
  /** Deduplication by `singletonKey` (default `standard`: none). */
  policy?: QueuePolicy;
};

export type WorkOptions = {
  /** Jobs fetched per poll; they run concurrently and complete or fail one by one (default 1). */
  batchSize?: number;
  /** Seconds between polls while the queue is empty (default 2, at least 0.5). */
  pollingIntervalSeconds?: number;
};

export type Job<T = unknown> = {
  id: string;
  name: string;
  data: T;
  /** 0 on the first attempt, then 1, 2, ... */
  retryCount: number;
  /** Aborted when the job runs past `expireInSeconds` or the queue stops before it ends. */
  signal: AbortSignal;
};

/** Resolves when the job is done; throws to fail it (it is retried, then dead-lettered). Must be idempotent: a job can run more than once. */
export type JobHandler<T = unknown> = (job: Job<T>) => Promise<void>;

export type DeadLetter = {
  /** The dead-letter job's id (what `retryDeadLetter` takes). */
  id: string;
  /** The queue the job failed on. */
  queue: string;
  deadLetterQueue: string;
  /** When it exhausted its retries. */
  failedAt: Date;
  /** The last attempt's error message. */
  lastError: string | null;
  data: unknown;
};

export type ListDeadLettersOptions = { queue?: string; limit?: number };

/** The subset of pino the queue logs through. */
export type JobLog = {
  error(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  info(object: object, message?: string): void;
};
