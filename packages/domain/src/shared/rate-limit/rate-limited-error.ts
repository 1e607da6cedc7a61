import { DomainError } from "../errors.ts";
import type { RateLimitDecision } from "./create-rate-limit-store.ts";

export type RateLimitedDetails = Omit<RateLimitDecision, "allowed"> & { retryAfterSeconds: number };

/** A refusal that carries what the HTTP layer puts in `Retry-After` and the `RateLimit-*` headers. */
export function rateLimitedError({
  code,
  message,
  decision,
}: {
  code: string;
  /** Said before "Try again in N seconds." */
  message: string;
  decision: RateLimitDecision;
}): DomainError {
  const { allowed: _allowed, ...limit } = decision;
  const details: RateLimitedDetails = { ...limit, retryAfterSeconds: decision.resetSeconds };
  return new DomainError({
    kind: "RATE_LIMITED",
    code,
    message: `${message} Try again in ${decision.resetSeconds} seconds.`,
    details,
  });
}
