import { ACCOUNT_LIMITS, limitReached } from "../../shared/account-limits.ts";
import { DomainError } from "../../shared/errors.ts";

export function taskNotFound(): DomainError {
  return new DomainError({ kind: "NOT_FOUND", code: "scheduler.task_not_found", message: "That task does not exist." });
}

export function startInPast(): DomainError {
  return new DomainError({
    kind: "INVALID",
    code: "scheduler.start_in_past",
    message: "The start time is in the past. Pick a time from now on.",
    details: { field: "startTime" },
  });
}

export function endBeforeStart(): DomainError {
  return new DomainError({
    kind: "INVALID",
    code: "scheduler.end_before_start",
    message: "The end time must be after the start time.",
    details: { field: "endTime" },
  });
}

export function endWithoutStart(): DomainError {
  return new DomainError({
    kind: "INVALID",
    code: "scheduler.end_without_start",
    message: "Set a start time before an end time.",
    details: { field: "endTime" },
  });
}

export function recurrenceNeedsDate(): DomainError {
  return new DomainError({
    kind: "INVALID",
    code: "scheduler.recurrence_needs_date",
    message: "A task that repeats on a schedule needs a start time or a due date.",
    details: { field: "recurrence" },
  });
}

/** For `common.date_out_of_range` raised on an end computed from the start and the minutes. */
export const END_OUT_OF_RANGE_MESSAGE = "The task would end after 2999-12-31, the last date AgendaCraft supports.";

/** For `common.date_out_of_range` raised on the next occurrence of a repeating task. */
export const NEXT_OUT_OF_RANGE_MESSAGE =
  "The next occurrence would fall after 2999-12-31, the last date AgendaCraft supports. Stop the task repeating to complete it.";

export function tooManyOpenTasks(): DomainError {
  return limitReached({ code: "scheduler.too_many_open_tasks", max: ACCOUNT_LIMITS.openTasks, what: "open tasks" });
}

export function taskOwnParent(): DomainError {
  return new DomainError({
    kind: "INVALID",
    code: "scheduler.task_own_parent",
    message: "A task cannot be a sub-task of itself.",
    details: { field: "parentId" },
  });
}

export function taskHasSubtasks(): DomainError {
  return new DomainError({
    kind: "INVALID",
    code: "scheduler.task_has_subtasks",
    message: "This task has sub-tasks of its own, so it cannot become a sub-task. Move its sub-tasks first.",
    details: { field: "parentId" },
  });
}
