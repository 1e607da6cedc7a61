import type pg from "pg";

/**
 * Runs `work` and counts the SQL statements it sent through the pool, so a test can
 * prove a list runs a fixed number of queries whatever the page size (no N+1).
 * Only statements outside transactions go through `pool.query`; lists use none.
 */
export async function countQueries<T>(pool: pg.Pool, work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const original = pool.query;
  let queries = 0;
  pool.query = ((...args: Parameters<typeof original>) => {
    queries += 1;
    return (original as (...a: unknown[]) => unknown).apply(pool, args);
  }) as typeof original;
  try {
    const result = await work();
    return { result, queries };
  } finally {
    pool.query = original;
  }
}
