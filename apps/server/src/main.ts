import { createMailer, createNotificationBus } from "@agendacraft/domain/notifier";
import { systemClock } from "@agendacraft/domain/shared";
import closeWithGrace from "close-with-grace";
import { buildServer } from "./build-server.ts";
import { createServerDeps, VERSION } from "./create-server-deps.ts";
import { loadEnvOrExit, publicOrigin } from "./env.ts";
import { createJobDefinitions } from "./jobs/job-definitions.ts";
import { jobStopTimeoutMs, startJobQueue } from "./jobs/start-job-queue.ts";
import { createLogger } from "./logger.ts";
import { openAppDatabase } from "./open-app-database.ts";

const env = loadEnvOrExit();
const log = createLogger(env);
const startedAt = new Date();

log.info(
  { mode: env.DATABASE_URL ? "postgres" : "embedded" },
  env.DATABASE_URL
    ? "connecting to PostgreSQL"
    : "starting the embedded database (one machine only; use DATABASE_URL in production)",
);
const db = await openAppDatabase(env, log);

const mailer = createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, log });
const jobs = await startJobQueue({
  db,
  log,
  definitions: (sender) =>
    createJobDefinitions({
      db: db.prisma,
      log,
      clock: systemClock,
      jobs: sender,
      mailer,
      appUrl: publicOrigin(env),
      allowPrivateCalendarNetworks: env.CALENDAR_FEEDS_ALLOW_PRIVATE_NETWORKS,
    }),
  work: env.WORKER === "inline",
  stopTimeoutMs: jobStopTimeoutMs(env.SHUTDOWN_TIMEOUT_MS),
}).catch(async (error: Error) => {
  log.fatal({ err: error }, "could not start the job queue");
  console.error(`Could not start the job queue: ${error.message.split("\n")[0]}`);
  await db.close();
  process.exit(1);
});

const notifications = await createNotificationBus({ db: db.prisma, listen: db.listen, log });
const { deps, rateLimiter } = await createServerDeps({
  env,
  prisma: db.prisma,
  log,
  clock: systemClock,
  startedAt,
  jobs,
  notifications,
});
const app = await buildServer({ env, logger: log, deps, rateLimiter });
log.info({ version: VERSION, publicUrl: deps.trustedOrigins[0] }, "AgendaCraft ready to serve");

closeWithGrace({ delay: env.SHUTDOWN_TIMEOUT_MS, logger: log }, async ({ signal, err }) => {
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
