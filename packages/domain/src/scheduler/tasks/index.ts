export { completeTask } from "./complete-task.ts";
export { createTask } from "./create-task.ts";
export { deleteTask } from "./delete-task.ts";
export { getTask } from "./get-task.ts";
export { listAgenda } from "./list-agenda.ts";
export { listTasks } from "./list-tasks.ts";
export { listToday } from "./list-today.ts";
export { listUpcoming } from "./list-upcoming.ts";
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
  type KeptOccurrenceDto,
  type ListTasksInput,
  MAX_AGENDA_ENTRIES,
  MAX_AGENDA_RANGE_DAYS,
  MAX_DAY_LIST_TASKS,
  MAX_LABEL_LENGTH,
  MAX_TASK_LABELS,
  type MoveTaskInput,
  type TaskDto,
  type TodayDto,
  UPCOMING_DAYS,
  type UpcomingDto,
  type UpcomingInput,
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
  ZToday,
  ZUpcoming,
  ZUpcomingDay,
  ZUpcomingInput,
  ZUpdateTaskInput,
} from "./schemas.ts";
export { updateTask } from "./update-task.ts";
