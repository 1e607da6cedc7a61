import { defineJobType, type QueueOptions } from "@agendacraft/db/jobs";
import { z } from "zod";

/** The job that reminds a person that a task is about to start. */
export const TASK_STARTING_JOB = "notifier.task-starting";

export const ZTaskStartingJobData = z.object({
  taskId: z.uuid(),
  /** The start the reminder was queued for (ISO); a task moved since then is not reminded by this job. */
  startTime: z.iso.datetime(),
});
export type TaskStartingJobData = z.infer<typeof ZTaskStartingJobData>;

export const TaskStartingJob = defineJobType(TASK_STARTING_JOB, ZTaskStartingJobData);

export const TASK_STARTING_QUEUE_OPTIONS: QueueOptions = {
  // Retries are for a mail server that is down for a while; backoff spreads them over ~15 minutes.
  retryLimit: 5,
  retryDelay: 30,
  retryBackoff: true,
  // Longer than the SMTP timeouts added up.
  expireInSeconds: 120,
};

/** "task_starting:<taskId>:<start ISO>": one notification per task and start, however often the job runs. */
export function taskStartingDedupeKey(taskId: string, startTime: Date): string {
  return `task_starting:${taskId}:${startTime.toISOString()}`;
}
