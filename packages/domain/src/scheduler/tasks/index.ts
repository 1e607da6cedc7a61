export { completeTask } from "./complete-task.ts";
export { createTask } from "./create-task.ts";
export { deleteTask } from "./delete-task.ts";
export { getTask } from "./get-task.ts";
export { listAgenda } from "./list-agenda.ts";
export { listTasks } from "./list-tasks.ts";
export { moveTask } from "./move-task.ts";
export {
  PRIORITY_LEVELS,
  type PriorityValue,
  priorityFromTodoist,
  priorityFromWord,
  priorityLabel,
} from "./priority/schemas.ts";
export { reopenTask } from "./reopen-task.ts";
export {
  type AgendaDto,
  type AgendaEntryDto,
  type AgendaInput,
  type CreateTaskInput,
  type ListTasksInput,
  MAX_AGENDA_ENTRIES,
  MAX_AGENDA_RANGE_DAYS,
  type MoveTaskInput,
  type TaskDto,
  type UpdateTaskInput,
  ZAgenda,
  ZAgendaEntry,
  ZAgendaInput,
  ZCompleteTaskResult,
  ZCreateTaskInput,
  ZListTasksInput,
  ZMoveTaskInput,
  ZRecurrenceAnchor,
  ZTask,
  ZTaskIdInput,
  ZTaskPage,
  ZTaskView,
  ZUpdateTaskInput,
} from "./schemas.ts";
export { updateTask } from "./update-task.ts";
