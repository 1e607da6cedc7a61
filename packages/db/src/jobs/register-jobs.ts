import type { JobQueue } from "./create-job-queue.ts";
import type { JobPayload, JobType } from "./job-type.ts";
import type { Job, QueueOptions, WorkOptions } from "./types.ts";

/**
 * A kind of job in one place: its type (name + payload schema), how its queue retries, and
 * what runs it. The handler gets the payload parsed by the type's schema. Apps build the
 * list and pass it in.
 */
export type JobDefinition<T extends JobType = JobType> = {
  type: T;
  queueOptions: QueueOptions;
  // Method syntax, so a list can hold definitions of different job types.
  handler(job: Job<JobPayload<T>>): Promise<void>;
  workOptions?: WorkOptions;
  /** Also runs on this cron (5 fields, UTC), e.g. every 15 minutes: "0,15,30,45 * * * *". */
  cron?: string;
};

/** Identity, for inference: `defineJob({ type: ReplanJob, queueOptions, handler })`. */
export function defineJob<T extends JobType>(definition: JobDefinition<T>): JobDefinition<T> {
  return definition;
}

/**
 * Defines every queue, in every process (a send to a queue nobody defined would fail), stores
 * the cron schedules (sent by a queue created with `cron: true`), and with `work: true` starts
 * a worker per definition. The queue must be started.
 */
export async function registerJobs(
  queue: JobQueue,
  definitions: readonly JobDefinition[],
  { work, workOptions }: { work: boolean; workOptions?: WorkOptions },
): Promise<void> {
  const seen = new Set<string>();
  for (const definition of definitions) {
    if (seen.has(definition.type.name)) throw new Error(`job "${definition.type.name}" is defined twice`);
    seen.add(definition.type.name);
  }
  for (const definition of definitions) {
    await queue.defineQueue(definition.type.name, definition.queueOptions);
    if (definition.cron) await queue.schedule(definition.type.name, definition.cron);
  }
  if (!work) return;
  for (const definition of definitions) {
    // A payload the schema refuses fails the job (and dead-letters it once retries run out).
    await queue.work(
      definition.type.name,
      (job) => definition.handler({ ...job, data: definition.type.schema.parse(job.data) }),
      {
        ...workOptions,
        ...definition.workOptions,
      },
    );
  }
}
