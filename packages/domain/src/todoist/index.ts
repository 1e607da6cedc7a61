export { createTodoistClient, staticTodoistAuth, type TodoistAuth, type TodoistClient } from "./api/todoist-client.ts";
export {
  completeTodoistConnect,
  type TodoistCallbackQuery,
  type TodoistConnectResult,
} from "./connect/complete-todoist-connect.ts";
export { connectTodoistWithToken } from "./connect/connect-todoist-with-token.ts";
export { createTodoistConnectUrl } from "./connect/create-todoist-connect-url.ts";
export { disconnectTodoist } from "./connect/disconnect-todoist.ts";
export { getTodoistStatus } from "./connect/get-todoist-status.ts";
export { storedTodoistAuth } from "./connect/stored-todoist-auth.ts";
export { syncTodoistNow } from "./connect/sync-todoist-now.ts";
export * from "./schemas.ts";
export {
  failureInWords,
  type RunTodoistSyncInput,
  runTodoistSync,
  TodoistConnectionGoneError,
} from "./sync/run-todoist-sync.ts";
export { createTodoistPushSubscriber } from "./sync/todoist-push-subscriber.ts";
export { TODOIST_RUN_LEASE_MS, TodoistSyncBusyError } from "./sync/todoist-run-lease.ts";
export {
  createTodoistSyncJob,
  createTodoistSyncScheduleJob,
  sendDueTodoistSyncs,
  TodoistSyncScheduleJob,
} from "./sync/todoist-sync-job.ts";
export { TODOIST_SYNC_JOB, TODOIST_SYNC_QUEUE_OPTIONS, TodoistSyncJob } from "./sync/todoist-sync-job-type.ts";
export {
  DEFAULT_TODOIST_SYNC_INTERVAL_SECONDS,
  TODOIST_CALLBACK_PATH,
  TODOIST_ITSELF,
  type TodoistConfig,
  todoistConfig,
} from "./todoist-config.ts";
