export {
  type MapTodoistRecurrenceInput,
  mapTodoistRecurrence,
  type TodoistRecurrenceMapping,
} from "./map-todoist-recurrence.ts";
export type { TodoistDue } from "./read-todoist-due.ts";
