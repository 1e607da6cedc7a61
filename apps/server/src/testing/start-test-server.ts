import { Writable } from "node:stream";
import type { ServerDeps } from "@agendacraft/api/context";
import type { JobQueue, JobSender } from "@agendacraft/db/jobs";
import { createRecordingJobs } from "@agendacraft/db/jobs/testing";
import type { NotificationBus } from "@agendacraft/domain/notifier";
import { type Clock, fixedClock } from "@agendacraft/domain/shared";
import { pino } from "pino";
import { buildServer } from "../build-server.ts";
import { createServerDeps } from "../create-server-deps.ts";
import { type Env, loadEnv } from "../env.ts";
import { loggerOptions } from "../logger.ts";
import { createAppMetrics } from "../metrics/create-app-metrics.ts";
import type { DatabaseMetricsSource } from "../metrics/database-metrics.ts";
import { GENEROUS_RATE_LIMITS } from "./generous-rate-limits.ts";

export { GENEROUS_RATE_LIMITS };

export type TestServer = {
  url: string;
  /** Every log line the server wrote, as text (JSON lines). */
  logText(): string;
  logLines(): Record<string, unknown>[];
  close(): Promise<void>;
};

/**
 * The real HTTP server on a free loopback port, over the given database, logging into
 * memory. Rate limits are out of reach unless `env` sets them (GENEROUS_RATE_LIMITS).
 */
export async function startTestServer(options: {
  db: ServerDeps["db"];
  env?: Record<string, string>;
  readinessProbes?: ServerDeps["readinessProbes"];
  clock?: Clock;
  /**
   * A started job queue; `/ready` then includes its "queue" check, and with `stats` /metrics
   * reports its queues. Default: a recording sender (jobs are kept in memory, none run).
   */
  jobs?: Pick<JobQueue, "probe"> & JobSender & Partial<Pick<JobQueue, "stats">>;
  /** Live notifications for `notifier.notifications.onNew`. */
  notifications?: NotificationBus;
  /** The pool for /metrics to report, as start-server.ts passes it. */
  database?: DatabaseMetricsSource;
}): Promise<TestServer> {
  const { db, env: overrides = {}, readinessProbes, jobs = createRecordingJobs(), notifications } = options;
  const env: Env = loadEnv({
    NODE_ENV: "test",
    LOG_PRETTY: "false",
    LOG_LEVEL: "info",
    ...GENEROUS_RATE_LIMITS,
    ...overrides,
  });
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const logger = pino(loggerOptions(env), sink);
  const { deps, rateLimiter } = await createServerDeps({
    env,
    prisma: db,
    log: logger,
    clock: options.clock ?? fixedClock("2026-06-01T09:00:00Z"),
    startedAt: new Date("2026-06-01T08:58:00Z"),
    readinessProbes,
    jobs,
    notifications,
  });
  const stats = "stats" in jobs ? jobs.stats : undefined;
  const metrics = createAppMetrics({
    log: logger,
    database: options.database,
    jobs: stats ? { stats } : undefined,
  });
  const app = await buildServer({
    env,
    logger,
    deps: { ...deps, app: { ...deps.app, version: "0.0.0-test" } },
    rateLimiter,
    metrics,
  });
  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  const logText = () => chunks.join("");
  return {
    url: address,
    logText,
    logLines: () =>
      logText()
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    close: () => app.close(),
  };
}
