export { createTestDeps, type LogEntry, recordingLog, TEST_APP_ORIGIN } from "./create-test-deps.ts";
export { type Issue, issuesOf } from "./issues-of.ts";
export { callerFor, createTestUser, createTwoUsers, type TestUser } from "./test-users.ts";
export { withJobQueue } from "./with-job-queue.ts";
