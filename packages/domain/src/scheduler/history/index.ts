// A task's history, for the person to read: what happened to it and, when Google Calendar
// and AgendaCraft both changed it, whose change won. Written by the scheduler's own
// services in the transaction of each change (recordTaskHistory is theirs, not exported).
export { listTaskHistory } from "./list-task-history.ts";
export {
  TASK_HISTORY_KINDS,
  type TaskHistoryDetail,
  type TaskHistoryEntryDto,
  type TaskHistoryInput,
  type TaskHistoryKind,
  type TaskHistoryPageDto,
  type TaskHistorySpan,
  ZTaskHistoryDetail,
  ZTaskHistoryEntry,
  ZTaskHistoryInput,
  ZTaskHistoryKind,
  ZTaskHistoryPage,
} from "./schemas.ts";
