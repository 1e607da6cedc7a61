import { isDatabaseUnavailableError } from "./database-unavailable.ts";

/** What went wrong, in the terms a caller branches on; packages/api maps each to one tRPC code. */
export type DomainErrorKind = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID" | "UNAVAILABLE" | "RATE_LIMITED";

export type DomainErrorOptions = {
  kind: DomainErrorKind;
  /** Stable, namespaced, never reworded: `scheduler.start_in_past`. Clients branch on it. */
  code: string;
  /** Fit to show a person. */
  message: string;
  /** Plain JSON facts a client may use (e.g. `{ retryAfterSeconds: 30 }`); never secrets or other users' ids. */
  details?: Record<string, unknown>;
  cause?: unknown;
};

export class DomainError extends Error {
  override readonly name = "DomainError";
  readonly kind: DomainErrorKind;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(options: DomainErrorOptions) {
    super(options.message, { cause: options.cause });
    this.kind = options.kind;
    this.code = options.code;
    this.details = options.details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

type PrismaKnownError = { name: string; code: string; message: string; meta?: Record<string, unknown> };

function isPrismaKnownError(error: unknown): error is PrismaKnownError {
  return (
    error instanceof Error &&
    error.name === "PrismaClientKnownRequestError" &&
    typeof (error as Partial<PrismaKnownError>).code === "string"
  );
}

/** Whether `error` is Prisma's known error with this code (`P2034`, ...). */
export function isPrismaError(error: unknown, code: string): boolean {
  return isPrismaKnownError(error) && error.code === code;
}

/** SQLSTATEs of a transaction PostgreSQL aborted to let another through: deadlock, serialization failure. */
const CONFLICT_SQLSTATE = /\b(40P01|40001)\b/;

/**
 * Whether PostgreSQL aborted the transaction for a deadlock or a write conflict: Prisma says
 * P2034 for its own queries, but a raw query (`$queryRaw`) reports the same as P2010 with the
 * SQLSTATE in its message. Either way the whole transaction was rolled back and may run again.
 */
export function isWriteConflict(error: unknown): boolean {
  if (!isPrismaKnownError(error)) return false;
  if (error.code === "P2034") return true;
  return error.code === "P2010" && CONFLICT_SQLSTATE.test(`${error.message} ${JSON.stringify(error.meta ?? {})}`);
}

/** `tasks_plannerId_fkey` → `plannerId`: the field whose row was missing. */
const FOREIGN_KEY = /\b[a-z]+(?:_[a-z]+)*_([a-z]\w*)_fkey\b/;

/** How long a client should wait before retrying while the database is unreachable (`Retry-After`). */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** The one answer for "the database cannot be reached right now": 503 with `common.unavailable`. */
/** The code of databaseUnavailableError: the one UNAVAILABLE that means the database is away. */
export const DATABASE_UNAVAILABLE_CODE = "common.unavailable";

export function databaseUnavailableError(cause: unknown): DomainError {
  return new DomainError({
    kind: "UNAVAILABLE",
    code: DATABASE_UNAVAILABLE_CODE,
    message: "The service is briefly unavailable. Please try again in a few seconds.",
    details: { retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS },
    cause,
  });
}

/**
 * The database failures that are not bugs as domain errors: an unreachable database
 * (UNAVAILABLE, retry later) and what a caller can cause (a duplicate, a row that
 * vanished, a reference to a row deleted meanwhile, a collision with another change);
 * null for anything else, which stays an internal error.
 */
export function domainErrorFromPrisma(error: unknown): DomainError | null {
  if (isDatabaseUnavailableError(error)) return databaseUnavailableError(error);
  if (!isPrismaKnownError(error)) return null;
  if (error.code === "P2002") {
    return new DomainError({
      kind: "CONFLICT",
      code: "common.already_exists",
      message: "Something with these details already exists.",
      cause: error,
    });
  }
  if (error.code === "P2025") {
    return new DomainError({
      kind: "NOT_FOUND",
      code: "common.not_found",
      message: "That item does not exist or was deleted.",
      cause: error,
    });
  }
  if (error.code === "P2003") {
    // Every foreign key cascades or nulls on delete, so this is a write that refers to a row
    // deleted after it was checked (a race): the same answer as if it had gone before.
    const field = FOREIGN_KEY.exec(`${error.message} ${JSON.stringify(error.meta ?? {})}`)?.[1];
    return new DomainError({
      kind: "NOT_FOUND",
      code: "common.reference_not_found",
      message: "Something this refers to does not exist or was deleted.",
      ...(field ? { details: { field } } : {}),
      cause: error,
    });
  }
  if (isWriteConflict(error)) {
    // Still aborted for a deadlock or a write conflict after withTransaction ran it again.
    return new DomainError({
      kind: "CONFLICT",
      code: "common.write_conflict",
      message: "Another change got in the way. Please try again.",
      cause: error,
    });
  }
  return null;
}
