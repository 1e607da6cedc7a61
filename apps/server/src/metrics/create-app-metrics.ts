import type { Log } from "@agendacraft/api/context";
import type { ProcedureMetrics } from "@agendacraft/api/observability";
import { collectDefaultMetrics, Registry } from "prom-client";
import { type DatabaseMetricsSource, registerDatabaseMetrics } from "./database-metrics.ts";
import { type JobMetricsSource, registerJobMetrics } from "./job-metrics.ts";
import { createProcedureMetrics } from "./procedure-metrics.ts";

export type AppMetrics = {
  /** What /metrics serves. One per server, so several servers in one process (tests) stay apart. */
  registry: Registry;
  /** Handed to the API in `ServerDeps.metrics`. */
  procedures: ProcedureMetrics;
};

/**
 * The server's Prometheus metrics: Node's own (event-loop lag, heap, GC, CPU, open handles)
 * with the `process_` and `nodejs_` names, and the app's with `agendacraft_`. HTTP metrics are
 * added by `registerHttpMetrics` on the Fastify instance.
 */
export function createAppMetrics({
  log,
  database,
  jobs: jobStats,
}: {
  log: Log;
  /** The pool to report; absent: no pool metrics. */
  database?: DatabaseMetricsSource;
  /** The job queue to report; absent: no queue metrics. */
  jobs?: JobMetricsSource;
}): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  if (database) registerDatabaseMetrics(registry, database);
  if (jobStats) registerJobMetrics(registry, { jobs: jobStats, log });
  return { registry, procedures: createProcedureMetrics(registry) };
}
