export { createTodoistClient, staticTodoistAuth, type TodoistAuth, type TodoistClient } from "./api/todoist-client.ts";
export {
  connectTodoistWithToken,
  createTodoistConnectUrl,
  disconnectTodoist,
  getTodoistStatus,
  syncTodoistNow,
} from "./connect/todoist-services.ts";
export * from "./schemas.ts";
export {
  DEFAULT_TODOIST_SYNC_INTERVAL_SECONDS,
  TODOIST_CALLBACK_PATH,
  type TodoistConfig,
  todoistConfig,
} from "./todoist-config.ts";
