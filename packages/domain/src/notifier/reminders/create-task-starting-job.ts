import { defineJob, type JobDefinition } from "@agendacraft/db/jobs";
import { deliverTaskStarting, type TaskStartingDeps } from "./deliver-task-starting.ts";
import { TASK_STARTING_JOB, TASK_STARTING_QUEUE_OPTIONS, type TaskStartingJobData } from "./task-starting.ts";

/** The `notifier.task-starting` job for the worker registry. */
export function createTaskStartingJob(deps: TaskStartingDeps): JobDefinition<TaskStartingJobData> {
  return defineJob<TaskStartingJobData>({
    name: TASK_STARTING_JOB,
    queueOptions: TASK_STARTING_QUEUE_OPTIONS,
    async handler(job) {
      await deliverTaskStarting({ ...deps, data: job.data });
    },
  });
}
