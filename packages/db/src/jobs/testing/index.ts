export { anyJobType } from "./any-job-type.ts";
export { createRecordingJobs, type RecordedJob } from "./create-recording-jobs.ts";
