import type { Log } from "../log.ts";

export type DatabaseUnavailableLogFields = {
  requestId: string;
  /** The procedure or HTTP route that could not be served. */
  path?: string;
  err: unknown;
};

/**
 * While the database is away every request fails the same way, thousands a second under
 * load: the first `linesPerWindow` in each window are logged with their request id, the
 * rest only counted, and the count rides on the next line written (`suppressed`). Every
 * request still has its own access-log line with the request id and status 503.
 */
export function createDatabaseUnavailableLog({
  now = Date.now,
  linesPerWindow = 10,
  windowMs = 1_000,
}: {
  now?: () => number;
  linesPerWindow?: number;
  windowMs?: number;
} = {}) {
  let windowStart = Number.NEGATIVE_INFINITY;
  let written = 0;
  let suppressed = 0;

  return function logDatabaseUnavailable(log: Log, { requestId, path, err }: DatabaseUnavailableLogFields): void {
    const time = now();
    if (time - windowStart >= windowMs) {
      windowStart = time;
      written = 0;
    }
    if (written >= linesPerWindow) {
      suppressed++;
      return;
    }
    written++;
    const counted = suppressed > 0 ? { suppressed } : {};
    suppressed = 0;
    log.error({ requestId, path, reason: describeReason(err), ...counted }, "database unavailable; answered 503");
  };
}

/** One process-wide budget, shared by tRPC procedures, session resolution and plain HTTP routes. */
export const logDatabaseUnavailable = createDatabaseUnavailableLog();

/**
 * The innermost error's name, code and last message line (Prisma puts the reason after a
 * code frame), without connection URLs: enough to tell a refused connection from a timeout.
 */
function describeReason(error: unknown): string {
  let innermost: unknown = error;
  for (let depth = 0; depth < 5; depth++) {
    const cause = (innermost as { cause?: unknown } | null)?.cause;
    if (!(cause instanceof Error)) break;
    innermost = cause;
  }
  if (!(innermost instanceof Error)) return String(innermost).slice(0, 200);
  const code = (innermost as { code?: unknown }).code;
  const lines = innermost.message.split("\n").filter((line) => line.trim());
  const message = (lines.at(-1) ?? "").replace(/\w+:\/\/\S+/g, "<url>");
  return `${innermost.name}${typeof code === "string" ? ` ${code}` : ""}: ${message}`.slice(0, 200);
}
