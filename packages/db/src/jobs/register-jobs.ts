import type { JobQueue } from "./create-job-queue.ts";
import type { Job, QueueOptions, WorkOptions } from "./types.ts";

/** A kind of job: its queue, how it retries, and what runs it. Apps build the list and pass it in. */
export type JobDefinition<T = unknown> = {
  name: string;
  queueOptions: QueueOptions;
  // Method syntax, so a list can hold definitions of different data types.
  handler(job: Job<T>): Promise<void>;
  workOptions?: WorkOptions;
  /** Also runs on this cron (5 fields, UTC), e.g. every 15 minutes: "0,15,30,45 * * * *". */
  cron?: string;
};

/** Identity, for inference: `defineJob<{ taskId: string }>({ name, queueOptions, handler })`. */
export function defineJob<T>(definition: JobDefinition<T>): JobDefinition<T> {
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
    if (seen.has(definition.name)) throw new Error(`job "${definition.name}" is defined twice`);
    seen.add(definition.name);
  }
  for (const definition of definitions) {
    await queue.defineQueue(definition.name, definition.queueOptions);
    if (definition.cron) await queue.schedule(definition.name, definition.cron);
  }
  if (!work) return;
  for (const definition of definitions) {
    await queue.work(definition.name, (job) => definition.handler(job), {
      ...workOptions,
      ...definition.workOptions,
    });
  }
}
