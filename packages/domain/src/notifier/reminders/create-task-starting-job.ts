import { defineJob, type JobDefinition } from "@agendacraft/db/jobs";
import { deliverTaskStarting, type TaskStartingDeps } from "./deliver-task-starting.ts";
import { TASK_STARTING_QUEUE_OPTIONS, TaskStartingJob } from "./task-starting.ts";

/** The `notifier.task-starting` job for the worker registry. */
export function createTaskStartingJob(deps: TaskStartingDeps): JobDefinition<typeof TaskStartingJob> {
  return defineJob({
    type: TaskStartingJob,
    queueOptions: TASK_STARTING_QUEUE_OPTIONS,
    async handler(job) {
      await deliverTaskStarting({ ...deps, data: job.data });
    },
  });
}
