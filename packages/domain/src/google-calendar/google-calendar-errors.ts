import { DomainError } from "../shared/errors.ts";

/** The same for an unknown id and for another user's: no hint that the row exists. */
export function feedNotFound(): DomainError {
  return new DomainError({
    kind: "NOT_FOUND",
    code: "google-calendar.feed_not_found",
    message: "That calendar does not exist or was removed.",
  });
}

/** `reason` names a status or a network failure; it must never contain the address (a secret). */
export function feedUnreachable(reason: string, cause?: unknown): DomainError {
  return new DomainError({
    kind: "INVALID",
    code: "google-calendar.feed_unreachable",
    message: `Could not download that calendar: ${reason}.`,
    details: { field: "url" },
    cause,
  });
}

export function feedInvalid(reason: string, cause?: unknown): DomainError {
  return new DomainError({
    kind: "INVALID",
    code: "google-calendar.feed_invalid",
    message: `That address does not lead to a calendar in iCal format: ${reason}.`,
    details: { field: "url" },
    cause,
  });
}

export function tooManyFeeds(max: number): DomainError {
  return new DomainError({
    kind: "CONFLICT",
    code: "google-calendar.too_many_feeds",
    message: `You can add at most ${max} calendars. Remove one first.`,
  });
}
