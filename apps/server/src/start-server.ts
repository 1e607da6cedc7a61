import { createNotificationBus } from "@agendacraft/domain/notifier";
import closeWithGrace from "close-with-grace";
import { buildServer } from "./build-server.ts";
import type { ClusterWorker } from "./cluster/cluster-worker.ts";
import { createServerDeps, VERSION } from "./create-server-deps.ts";
import { type Env, personClockFrom } from "./env.ts";
import { startAppJobs } from "./jobs/start-app-jobs.ts";
import { createLogger } from "./logger.ts";
import { createAppMetrics } from "./metrics/create-app-metrics.ts";
import { openAppDatabase } from "./open-app-database.ts";
import { prepareSecrets } from "./prepare-secrets.ts";

/**
 * Starts the server process: database, secrets, job queue, HTTP. main.ts checks the
 * environment first and loads this module only when it is valid. In a WEB_CONCURRENCY cluster
 * it is one of the HTTP workers (cluster/start-cluster.ts migrated already and chose its WORKER).
 */
export async function startServer(env: Env, startedAt: Date, clusterWorker?: ClusterWorker): Promise<void> {
  const log = clusterWorker ? createLogger(env).child({ worker: clusterWorker.id }) : createLogger(env);
  if (env.WEB_CONCURRENCY > 1 && !env.DATABASE_URL) {
    log.warn(
      { webConcurrency: env.WEB_CONCURRENCY },
      `WEB_CONCURRENCY=${env.WEB_CONCURRENCY} ignored: the embedded database is one session inside one process, so the server runs as a single process; set DATABASE_URL to a PostgreSQL database to run several`,
    );
  }

  log.info(
    { mode: env.DATABASE_URL ? "postgres" : "embedded" },
    env.DATABASE_URL
      ? "connecting to PostgreSQL"
      : "starting the embedded database (one machine only; use DATABASE_URL in production)",
  );
  const db = await openAppDatabase(env, log);
  const secrets = await prepareSecrets({ env, db: db.prisma, log });

  const { jobs, mailer } = await startAppJobs({ env, db, log, secrets, work: env.WORKER === "inline" });

  const notifications = await createNotificationBus({ db: db.prisma, listen: db.listen, log });
  const { deps, rateLimiter } = await createServerDeps({
    env,
    prisma: db.prisma,
    log,
    // What people see and plan; AGENDACRAFT_CLOCK_START (tests, demos) moves it, nothing else.
    clock: personClockFrom(env),
    startedAt,
    jobs,
    notifications,
    secrets,
  });
  const metrics = createAppMetrics({ log, database: { pool: db.pool, mode: db.mode }, jobs });
  const app = await buildServer({
    env,
    logger: log,
    deps,
    rateLimiter,
    metrics,
    ...(clusterWorker ? { answeredBy: process.pid } : {}),
  });
  log.info({ version: VERSION, publicUrl: deps.trustedOrigins[0] }, "AgendaCraft ready to serve");

  const graceful = closeWithGrace({ delay: env.SHUTDOWN_TIMEOUT_MS, logger: log }, async ({ signal, err }) => {
    if (err) log.error({ err }, "shutting down after an unexpected error");
    else log.info({ signal }, "shutting down: finishing in-flight requests");
    // Ends the live notification streams first: the HTTP server waits for open responses.
    await notifications.close();
    await app.close();
    // Workers finish (or hand back) their jobs while the database is still open.
    await jobs.stop();
    await mailer.close();
    await db.close();
    log.info("stopped cleanly");
  });

  try {
    await app.listen({ host: env.HOST, port: env.PORT });
  } catch (error) {
    log.fatal({ err: error }, "could not listen");
    console.error(`Could not listen on ${env.HOST}:${env.PORT}: ${(error as Error).message}`);
    await notifications.close();
    await jobs.stop();
    await db.close();
    process.exit(1);
  }
  // Once listening: a request to stop that came during the start is answered now, not mid-start.
  clusterWorker?.onShutdownRequest(() => void graceful.close());
}
