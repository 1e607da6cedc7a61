import { DomainError } from "../../shared/errors.ts";

/** The same for an unknown id and for another user's: no hint that the row exists. */
export function plannerNotFound(): DomainError {
  return new DomainError({
    kind: "NOT_FOUND",
    code: "scheduler.planner_not_found",
    message: "That planner does not exist or was deleted.",
  });
}
