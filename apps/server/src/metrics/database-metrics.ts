import { Gauge, type Registry } from "prom-client";

/** The parts of a pg Pool the metrics read; the embedded database's pool is one of one connection. */
export type PoolCounts = {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
  readonly options: { max?: number };
};

export type DatabaseMetricsSource = { pool: PoolCounts; mode: "postgres" | "embedded" };

/** The connection pool under Prisma and the job queue, read when scraped. */
export function registerDatabaseMetrics(registry: Registry, { pool, mode }: DatabaseMetricsSource) {
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      labelNames: ["database"],
      registers: [registry],
      collect() {
        this.set({ database: mode }, read());
      },
    });
  gauge("agendacraft_db_pool_connections", "Open connections in the database pool.", () => pool.totalCount);
  gauge("agendacraft_db_pool_idle_connections", "Open connections not in use.", () => pool.idleCount);
  gauge(
    "agendacraft_db_pool_waiting_queries",
    "Queries waiting for a free connection (above zero for long: the pool is too small or the database too slow).",
    () => pool.waitingCount,
  );
  gauge(
    "agendacraft_db_pool_max_connections",
    "The pool's size (DATABASE_POOL_MAX; 1 for the embedded database).",
    () => Number(pool.options.max ?? 10),
  );
}
