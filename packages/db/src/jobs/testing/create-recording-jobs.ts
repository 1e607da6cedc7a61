import { randomUUID } from "node:crypto";
import type { JobType } from "../job-type.ts";
import type { JobSender, SendJobOptions } from "../types.ts";

export type RecordedJob = { name: string; id: string; data: unknown; options: Omit<SendJobOptions, "tx"> };

/**
 * A JobSender that keeps what it was asked to send or cancel, in memory: for tests that
 * need no queue. It validates payloads with the job type's schema like the real queue, but
 * it cannot see a rollback, and it deduplicates nothing.
 */
export function createRecordingJobs(): JobSender & { sent: RecordedJob[]; cancelled: string[]; names(): string[] } {
  const sent: RecordedJob[] = [];
  const cancelled: string[] = [];
  const record = (type: JobType, data: unknown, { tx: _tx, ...options }: SendJobOptions = {}) => {
    const id = randomUUID();
    sent.push({ name: type.name, id, data: type.schema.parse(data), options });
    return id;
  };
  return {
    sent,
    cancelled,
    names: () => sent.map((job) => job.name),
    async send(type, data, options) {
      return record(type, data, options);
    },
    async sendMany(type, jobs) {
      return jobs.map(({ data, startAfter, singletonKey }) =>
        record(type, data, { ...(startAfter ? { startAfter } : {}), ...(singletonKey ? { singletonKey } : {}) }),
      );
    },
    async cancel(_type, id) {
      cancelled.push(id);
      return true;
    },
    async cancelMany(_type, ids) {
      cancelled.push(...ids);
      return ids.length;
    },
  };
}
