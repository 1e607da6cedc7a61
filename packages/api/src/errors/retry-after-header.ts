import { isDomainError } from "@agendacraft/domain/shared";
import type { TRPCError } from "@trpc/server";

/**
 * `Retry-After` for a tRPC response whose errors say when to try again (an unreachable
 * database, a rate limit: `details.retryAfterSeconds`); the longest wait of a batch wins.
 */
export function retryAfterHeader(errors: readonly TRPCError[]): Record<string, string> {
  let seconds = 0;
  for (const error of errors) {
    const wait = isDomainError(error.cause) ? error.cause.details?.retryAfterSeconds : undefined;
    if (typeof wait === "number" && Number.isFinite(wait)) seconds = Math.max(seconds, Math.ceil(wait));
  }
  return seconds > 0 ? { "retry-after": String(seconds) } : {};
}
