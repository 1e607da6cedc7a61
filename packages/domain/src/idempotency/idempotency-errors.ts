import { DomainError } from "../shared/errors.ts";
import { MAX_IDEMPOTENCY_KEY_LENGTH } from "./schemas.ts";

export function invalidIdempotencyKey(): DomainError {
  return new DomainError({
    kind: "INVALID",
    code: "common.invalid_idempotency_key",
    message: `An Idempotency-Key is 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} printable characters, e.g. a UUID.`,
  });
}

export function idempotencyKeyReused(): DomainError {
  return new DomainError({
    kind: "CONFLICT",
    code: "common.idempotency_key_reused",
    message: "This Idempotency-Key was already used for a different request. Use a new key for a new request.",
  });
}

export function idempotencyKeyInProgress(): DomainError {
  return new DomainError({
    kind: "CONFLICT",
    code: "common.idempotency_key_in_progress",
    message: "A request with this Idempotency-Key is still running. Try again in a moment.",
    details: { retryAfterSeconds: 1 },
  });
}
