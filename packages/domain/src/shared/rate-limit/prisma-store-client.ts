import type { PrismaClient } from "@agendacraft/db/client";

type Query = { text: string; values?: unknown[] };
export type StoreClient = { query(query: Query): Promise<{ rows: Record<string, unknown>[]; rowCount: number }> };

/**
 * rate-limiter-flexible's PostgreSQL store speaks to a `pg` client; this gives it the
 * app's Prisma client instead, so the counters use the same connection (PGlite allows
 * only one) and the same pool. A query that takes longer than `timeoutMs` (database
 * gone, pool exhausted, a long transaction holding the embedded connection) is given up
 * on, so the limiter falls back to its in-memory insurance instead of holding the call.
 */
export function createPrismaStoreClient({
  db,
  timeoutMs,
  onFailure,
}: {
  db: Pick<PrismaClient, "$queryRawUnsafe">;
  timeoutMs: number;
  onFailure: (error: unknown) => void;
}): StoreClient {
  return {
    // The store names its statements for pg's prepared-statement cache; unnamed ones
    // are safer on the embedded database, whose connections share one session.
    async query({ text, values = [] }) {
      const running = db.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`rate-limit store query took over ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        const rows = await Promise.race([running, timedOut]);
        return { rows: rows.map(withNumbers), rowCount: rows.length };
      } catch (error) {
        onFailure(error);
        throw error;
      } finally {
        clearTimeout(timer);
        // A query given up on may still fail later; that is already reported.
        running.catch(() => undefined);
      }
    },
  };
}

/** `expire` is a BIGINT, which Prisma returns as bigint; the store does arithmetic with numbers. */
function withNumbers(row: Record<string, unknown>): Record<string, unknown> {
  const converted: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) converted[name] = typeof value === "bigint" ? Number(value) : value;
  return converted;
}
