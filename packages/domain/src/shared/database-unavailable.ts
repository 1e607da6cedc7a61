/**
 * Telling "the database is unreachable right now" apart from every other failure, so a
 * caller gets 503 + Retry-After (try again shortly) instead of a 500 (something is broken).
 * Errors reach us in several wrappings: Prisma's own codes, the pg driver adapter's error
 * kinds inside Prisma's `meta`, bare pg and socket errors (a connection dropped mid-query
 * never passes through the adapter), and libraries that wrap them again (better-auth's
 * "Failed to get session" keeps the original as `cause`).
 */

/** Prisma: can't reach the server, timeouts, TLS, server closed the connection, pool timeout, too many connections. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1011", "P1017", "P2024", "P2037"]);

/** @prisma/adapter-pg's `DriverAdapterError` kinds for a connection that is gone or refused. */
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);

/** Node socket errors on the way to the database server. */
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);

/**
 * PostgreSQL SQLSTATEs that describe the server, not the statement: connection exceptions
 * (class 08), insufficient resources (53), a statement cancelled by statement_timeout
 * (57014) and a server shutting down or starting up (57P01-57P03).
 */
function isUnavailableSqlState(code: string): boolean {
  return code.startsWith("08") || code.startsWith("53") || ["57014", "57P01", "57P02", "57P03"].includes(code);
}

/** The pg driver's own messages when a connection breaks or the pool cannot hand one out in time. */
const PG_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /Client was closed and is not queryable/,
  /^Query read timeout$/,
];

/** Prisma's P2028 when `$transaction` waited longer than its `maxWait` for a connection. */
const TRANSACTION_START_TIMEOUT = /Unable to start a transaction in the given time/;

type ErrorLike = {
  name?: unknown;
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown; originalCode?: unknown } } };
  cause?: unknown;
};

function describesUnavailable(error: ErrorLike): boolean {
  const code = typeof error.code === "string" ? error.code : undefined;
  if (error.name === "PrismaClientInitializationError") return true;
  if (code && PRISMA_CODES.has(code)) return true;
  if (code && SOCKET_CODES.has(code)) return true;

  const adapter =
    error.meta?.driverAdapterError?.cause ?? (error.name === "DriverAdapterError" ? error.cause : undefined);
  if (adapter && typeof adapter === "object") {
    const {
      kind,
      code: adapterCode,
      originalCode,
    } = adapter as { kind?: unknown; code?: unknown; originalCode?: unknown };
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
    const sqlState = typeof originalCode === "string" ? originalCode : adapterCode;
    if (kind === "postgres" && typeof sqlState === "string" && isUnavailableSqlState(sqlState)) return true;
  }

  // A pg DatabaseError carries the SQLSTATE as `code` and a `severity`.
  if (code && /^[0-9A-Z]{5}$/.test(code) && "severity" in error && isUnavailableSqlState(code)) return true;
  const message = typeof error.message === "string" ? error.message : "";
  // P2028 also names bugs (a query on a transaction already closed); only a transaction that
  // could not even start in time (every connection busy, e.g. the embedded database's one
  // under load) says the database cannot serve right now.
  if (code === "P2028" && TRANSACTION_START_TIMEOUT.test(message)) return true;
  return PG_MESSAGES.some((pattern) => pattern.test(message));
}

/** True when `error`, or an error it wraps, says the database cannot be reached or cannot serve right now. */
export function isDatabaseUnavailableError(error: unknown): boolean {
  let current: unknown = error;
  // A short walk down `cause`: wrappers are one or two deep, and a cycle must not hang us.
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    if (describesUnavailable(current as ErrorLike)) return true;
    current = (current as ErrorLike).cause;
  }
  return false;
}
