export {
  createJobQueue,
  type JobQueue,
  type JobQueueOptions,
  type JobQueueState,
} from "./create-job-queue.ts";
export { defineJobType, type JobPayload, type JobPayloadIn, type JobType } from "./job-type.ts";
export { defineJob, type JobDefinition, registerJobs } from "./register-jobs.ts";
export { RetryLaterError, retryAfterSecondsOf } from "./retry-later-error.ts";
export type {
  CancelJobOptions,
  DeadLetter,
  Job,
  JobHandler,
  JobLog,
  JobSender,
  JobToSend,
  JobTransaction,
  ListDeadLettersOptions,
  QueueOptions,
  QueuePolicy,
  QueueStats,
  SendJobOptions,
  WorkOptions,
} from "./types.ts";
