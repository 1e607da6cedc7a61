import type { Log } from "@agendacraft/api/context";
import { currentRequestContext } from "@agendacraft/api/observability";
import { onQuery, type PrismaClient } from "@agendacraft/db/client";

const MAX_QUERY_CHARS = 1_000;

/**
 * Logs, at warn, every database statement that took at least `thresholdMs` (SLOW_QUERY_MS),
 * with the tRPC procedure and request id it ran for (none for jobs and session lookups).
 * The SQL is logged with its `$n` placeholders, never the values.
 */
export function watchSlowQueries({
  prisma,
  thresholdMs,
  log,
}: {
  prisma: PrismaClient;
  thresholdMs: number;
  log: Log;
}) {
  let watching = true;
  onQuery(prisma, (event) => {
    if (!watching || event.durationMs < thresholdMs) return;
    const request = currentRequestContext();
    log.warn(
      {
        requestId: request?.requestId,
        path: request?.path,
        durationMs: Math.round(event.durationMs),
        query: event.query.length > MAX_QUERY_CHARS ? `${event.query.slice(0, MAX_QUERY_CHARS)}…` : event.query,
      },
      "slow database query",
    );
  });
  // Prisma has no way to remove a listener; a stopped server's watcher goes quiet instead.
  return {
    stop() {
      watching = false;
    },
  };
}
