import type { z } from "zod";

/**
 * A kind of job: its queue name and the zod schema of its payload. Senders and handlers
 * both go through it, so a job is never sent by a bare string and its payload type is
 * inferred: `jobs.send(TaskStartingJob, { taskId, startTime })`.
 */
export type JobType<Name extends string = string, Schema extends z.ZodType<object> = z.ZodType<object>> = {
  readonly name: Name;
  readonly schema: Schema;
};

/** What a sender passes for a job type (the schema's input). */
export type JobPayloadIn<T extends JobType> = z.input<T["schema"]>;
/** What a handler receives for a job type (the schema's output, parsed). */
export type JobPayload<T extends JobType> = z.output<T["schema"]>;

export function defineJobType<const Name extends string, Schema extends z.ZodType<object>>(
  name: Name,
  schema: Schema,
): JobType<Name, Schema> {
  return Object.freeze({ name, schema });
}
