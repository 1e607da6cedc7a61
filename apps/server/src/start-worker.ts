import closeWithGrace from "close-with-grace";
import type { Env } from "./env.ts";
import { startAppJobs } from "./jobs/start-app-jobs.ts";
import { createLogger } from "./logger.ts";
import { openAppDatabase } from "./open-app-database.ts";
import { prepareSecrets } from "./prepare-secrets.ts";
import { watchSlowQueries } from "./slow-queries.ts";

/** Starts the worker process (worker.ts checks the environment and the database mode first). */
export async function startWorker(env: Env): Promise<void> {
  const log = createLogger(env).child({ role: "worker" });

  const db = await openAppDatabase(env, log);
  watchSlowQueries({ prisma: db.prisma, thresholdMs: env.SLOW_QUERY_MS, log });

  const secrets = await prepareSecrets({ env, db: db.prisma, log });

  const { jobs, mailer } = await startAppJobs({ env, db, log, secrets, work: true });

  // Without HTTP nothing else is sure to hold the process open between polls.
  const keepAlive = setInterval(() => undefined, 60_000);

  closeWithGrace({ delay: env.SHUTDOWN_TIMEOUT_MS, logger: log }, async ({ signal, err }) => {
    if (err) log.error({ err }, "shutting down after an unexpected error");
    else log.info({ signal }, "shutting down: finishing running jobs");
    clearInterval(keepAlive);
    await jobs.stop();
    await mailer.close();
    await db.close();
    log.info("worker stopped cleanly");
  });

  log.info("worker ready");
}
