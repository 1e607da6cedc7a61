export { createTodoistClient, staticTodoistAuth, type TodoistAuth, type TodoistClient } from "./api/todoist-client.ts";
export {
  connectTodoistWithToken,
  createTodoistConnectUrl,
  disconnectTodoist,
  getTodoistStatus,
  syncTodoistNow,
} from "./connect/todoist-services.ts";
export * from "./schemas.ts";
export { createTodoistPushSubscriber } from "./sync/todoist-push-subscriber.ts";
export { TODOIST_SYNC_JOB, TODOIST_SYNC_QUEUE_OPTIONS, TodoistSyncJob } from "./sync/todoist-sync-job-type.ts";
export {
  DEFAULT_TODOIST_SYNC_INTERVAL_SECONDS,
  TODOIST_CALLBACK_PATH,
  type TodoistConfig,
  todoistConfig,
} from "./todoist-config.ts";
