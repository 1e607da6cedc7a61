import type pg from "pg";
import type { JobTransaction } from "./types.ts";

/** pg-boss's database seam: every statement it runs goes through one of these. */
export type SqlExecutor = {
  // biome-ignore lint/suspicious/noExplicitAny: rows are whatever the statement returns; pg-boss reads them untyped.
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
};

export type PoolExecutor = SqlExecutor & {
  /** Resolves once no statement is running, or after `timeoutMs`; resolves false when it gave up. */
  drain(timeoutMs: number): Promise<boolean>;
};

/**
 * Runs pg-boss's statements on the application's pool, so the embedded database keeps its
 * single connection, and remembers what is in flight so stopping can wait for it.
 */
export function poolExecutor(pool: pg.Pool): PoolExecutor {
  const inFlight = new Set<Promise<unknown>>();
  return {
    executeSql(text, values) {
      const running = runOnPool(pool, text, values);
      inFlight.add(running);
      const forget = () => inFlight.delete(running);
      running.then(forget, forget);
      return running;
    },
    async drain(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      // A statement finishing can start the next one (maintenance runs three in a row).
      while (inFlight.size > 0) {
        const left = deadline - Date.now();
        if (left <= 0) return false;
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.allSettled([...inFlight]),
          new Promise((resolve) => {
            timer = setTimeout(resolve, left);
          }),
        ]);
        clearTimeout(timer);
      }
      return true;
    },
  };
}

async function runOnPool(pool: pg.Pool, text: string, values: unknown[] | undefined) {
  if (values && values.length > 0) return pool.query(text, values);
  // Statements without parameters include pg-boss's scripts, which carry their own
  // BEGIN ... COMMIT: when one fails the server leaves the session in the aborted
  // transaction, and the pool would hand that connection to the next caller.
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    return await client.query(text);
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/** Runs pg-boss's statements inside a Prisma transaction, so they commit or roll back with it. */
export function transactionExecutor(tx: JobTransaction): SqlExecutor {
  return {
    async executeSql(text, values = []) {
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...values.map(toQueryParameter));
      return { rows };
    },
  };
}

/** Prisma passes objects to the driver as they are; pg-boss's job data must reach `$n::jsonb` as JSON text. */
function toQueryParameter(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date || Array.isArray(value) || ArrayBuffer.isView(value)) return value;
  return JSON.stringify(value);
}
