export { completeTask } from "./complete-task.ts";
export { createTask } from "./create-task.ts";
export { deleteTask } from "./delete-task.ts";
export { getTask } from "./get-task.ts";
export { listTasks } from "./list-tasks.ts";
export { moveTask } from "./move-task.ts";
export { reopenTask } from "./reopen-task.ts";
export {
  type CreateTaskInput,
  type ListTasksInput,
  type MoveTaskInput,
  type TaskDto,
  type UpdateTaskInput,
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
