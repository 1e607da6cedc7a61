import type { PrismaClient } from "./generated/prisma/client.ts";

/**
 * Every client `createDatabase` makes reports its statements as events (never to stdout), so
 * the app can pick out slow ones with `onQuery`. A client made without them never calls back.
 */
export const QUERY_EVENT_LOG = [{ emit: "event", level: "query" }] as const;

export type QueryEvent = {
  /** The SQL with `$n` placeholders; parameter values are left out (they may be personal data). */
  query: string;
  durationMs: number;
};

/** Calls `listener` after each statement Prisma runs on this client, in the caller's async context. */
export function onQuery(prisma: PrismaClient, listener: (event: QueryEvent) => void): void {
  // The client's type does not record that it was made with QUERY_EVENT_LOG.
  (prisma as unknown as PrismaClient<"query">).$on("query", (event) => {
    listener({ query: event.query, durationMs: event.duration });
  });
}
