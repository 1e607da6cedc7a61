import {
  DATABASE_UNAVAILABLE_CODE,
  type DomainErrorKind,
  domainErrorFromPrisma,
  isDatabaseUnavailableError,
  isDomainError,
} from "@agendacraft/domain/shared";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";

const CODE_BY_KIND = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  INVALID: "BAD_REQUEST",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
} as const satisfies Record<DomainErrorKind, TRPC_ERROR_CODE_KEY>;

export const GENERIC_INTERNAL_MESSAGE = "Something went wrong on our side. Please try again.";

/**
 * The one place errors become tRPC errors. Domain errors (and the Prisma errors a
 * caller can cause) keep their message and code; anything else is an internal error
 * whose message is replaced so no SQL, stack or foreign id reaches the client.
 * `unexpected` is true when the original must be logged; `databaseUnavailable` when the
 * database could not be reached (answered 503 `common.unavailable`, logged throttled).
 */
export function toTRPCError(error: TRPCError): {
  error: TRPCError;
  unexpected: boolean;
  databaseUnavailable: boolean;
} {
  const cause = error.cause;
  const domainError = isDomainError(cause) ? cause : domainErrorFromPrisma(cause);
  if (domainError) {
    return {
      error: new TRPCError({ code: CODE_BY_KIND[domainError.kind], message: domainError.message, cause: domainError }),
      unexpected: false,
      // Only the database's own 503 is an outage: a 400 for a calendar whose name does not
      // resolve, or a 503 because Todoist or Google cannot be reached, carries the same kind of
      // socket error (ENOTFOUND, ECONNREFUSED) in its cause chain.
      databaseUnavailable: domainError.code === DATABASE_UNAVAILABLE_CODE && isDatabaseUnavailableError(cause),
    };
  }
  if (error.code !== "INTERNAL_SERVER_ERROR") return { error, unexpected: false, databaseUnavailable: false };
  return {
    error: new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: GENERIC_INTERNAL_MESSAGE, cause: error.cause }),
    unexpected: true,
    databaseUnavailable: false,
  };
}

/** The tRPC code a domain error kind is answered with (also used for errors outside tRPC, e.g. Fastify's). */
export function trpcCodeForKind(kind: DomainErrorKind): TRPC_ERROR_CODE_KEY {
  return CODE_BY_KIND[kind];
}
