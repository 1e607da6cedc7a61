import { ACCOUNT_LIMITS, limitReached } from "../../shared/account-limits.ts";
import { DomainError } from "../../shared/errors.ts";

/** The same for an unknown id and for another user's: no hint that the row exists. */
export function areaNotFound(): DomainError {
  return new DomainError({
    kind: "NOT_FOUND",
    code: "scheduler.area_not_found",
    message: "That area does not exist or was deleted.",
  });
}

export function tooManyAreas(): DomainError {
  return limitReached({ code: "scheduler.too_many_areas", max: ACCOUNT_LIMITS.areas, what: "areas" });
}
