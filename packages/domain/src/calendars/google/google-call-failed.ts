import { DomainError } from "../../shared/errors.ts";
import { googleUnavailable } from "../calendars-errors.ts";
import { isQuotaFailure, readGoogleFailure } from "./google-api-error.ts";

/**
 * A failed Calendar API call in a person's request, as the error they see: our own
 * DomainErrors pass through, a quota answer is RATE_LIMITED with Google's Retry-After,
 * anything else is `calendars.google_unavailable` (never a 500 with Google's text).
 */
export function googleCallFailed(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  const failure = readGoogleFailure(error);
  if (isQuotaFailure(failure)) {
    return new DomainError({
      kind: "RATE_LIMITED",
      code: "calendars.google_rate_limited",
      message: "Google Calendar asked us to slow down. Please try again in a minute.",
      details: { retryAfterSeconds: failure.retryAfterSeconds ?? 60 },
      cause: error,
    });
  }
  return googleUnavailable(failure.status ? `it answered ${failure.status}` : "it could not be reached", error);
}
