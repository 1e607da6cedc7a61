import type pg from "pg";

type Query = pg.PoolClient["query"];
type Connect = (callback?: (error: Error | undefined, client?: pg.PoolClient, done?: unknown) => void) => unknown;

/**
 * Runs `work` and counts the SQL statements it sent through the pool, so a test can
 * prove a list runs a fixed number of queries whatever the page size (no N+1), or that a
 * write of many rows makes no round trip per row. Statements inside transactions count
 * too: every statement runs on a connection the pool hands out, and those are watched.
 */
export async function countQueries<T>(pool: pg.Pool, work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const originalConnect = pool.connect as unknown as Connect;
  const watched = new Map<pg.PoolClient, Query>();
  let queries = 0;

  const watch = (client: pg.PoolClient) => {
    if (watched.has(client)) return;
    const query = client.query;
    watched.set(client, query);
    client.query = ((...args: unknown[]) => {
      queries += 1;
      return (query as (...a: unknown[]) => unknown).apply(client, args);
    }) as Query;
  };
  // `pool.query` connects with a callback, Prisma's adapter with a promise: both are watched.
  const connect: Connect = (callback) => {
    if (callback) {
      return originalConnect.call(pool, (error, client, done) => {
        if (client) watch(client);
        callback(error, client, done);
      });
    }
    return (originalConnect.call(pool) as Promise<pg.PoolClient>).then((client) => {
      watch(client);
      return client;
    });
  };
  pool.connect = connect as unknown as typeof pool.connect;
  try {
    const result = await work();
    return { result, queries };
  } finally {
    pool.connect = originalConnect as unknown as typeof pool.connect;
    for (const [client, query] of watched) client.query = query;
  }
}
