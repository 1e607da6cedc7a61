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

type PrismaKnownError = { name: string; code: string; meta?: Record<string, unknown> };

function isPrismaKnownError(error: unknown): error is PrismaKnownError {
  return (
    error instanceof Error &&
    error.name === "PrismaClientKnownRequestError" &&
    typeof (error as Partial<PrismaKnownError>).code === "string"
  );
}

/**
 * The Prisma failures a caller can cause (a duplicate, a row that vanished) as domain
 * errors; null for anything else, which stays an internal error.
 */
export function domainErrorFromPrisma(error: unknown): DomainError | null {
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
  return null;
}
