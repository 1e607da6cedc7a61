import { ACCOUNT_LIMITS, limitReached } from "../../shared/account-limits.ts";
import { DomainError } from "../../shared/errors.ts";

/** The same for an unknown id and for another user's: no hint that the row exists. */
export function plannerNotFound(): DomainError {
  return new DomainError({
    kind: "NOT_FOUND",
    code: "scheduler.planner_not_found",
    message: "That planner does not exist or was deleted.",
  });
}

export function tooManyPlanners(): DomainError {
  return limitReached({ code: "scheduler.too_many_planners", max: ACCOUNT_LIMITS.planners, what: "planners" });
}
