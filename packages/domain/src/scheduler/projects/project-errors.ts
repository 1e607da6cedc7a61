import { ACCOUNT_LIMITS, limitReached } from "../../shared/account-limits.ts";
import { DomainError } from "../../shared/errors.ts";

/** The same for an unknown id and for another user's: no hint that the row exists. */
export function projectNotFound(): DomainError {
  return new DomainError({
    kind: "NOT_FOUND",
    code: "scheduler.project_not_found",
    message: "That project does not exist or was deleted.",
  });
}

export function tooManyProjects(): DomainError {
  return limitReached({ code: "scheduler.too_many_projects", max: ACCOUNT_LIMITS.projects, what: "projects" });
}
