import type { Database } from "@agendacraft/db/client";
import { createMailer } from "@agendacraft/domain/notifier";
import { type SecretKeyring, systemClock } from "@agendacraft/domain/shared";
import type { Logger } from "pino";
import { type Env, googleConfigFrom, personClockFrom, publicOrigin, todoistConfigFrom } from "../env.ts";
import { createJobDefinitions, RETIRED_JOB_NAMES } from "./job-definitions.ts";
import { jobStopTimeoutMs, startJobQueue } from "./start-job-queue.ts";

/**
 * The job queue with every job of the app, configured from the environment: the one way the
 * server (WORKER=inline) and `pnpm worker` start it. If it cannot start, the process says
 * why in one line and exits 1.
 */
export async function startAppJobs({
  env,
  db,
  log,
  secrets,
  work,
}: {
  env: Env;
  db: Database;
  log: Logger;
  secrets: SecretKeyring;
  work: boolean;
}) {
  const mailer = createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, log });
  const jobs = await startJobQueue({
    db,
    log,
    definitions: (sender) =>
      createJobDefinitions({
        db: db.prisma,
        log,
        clock: systemClock,
        personClock: personClockFrom(env),
        secrets,
        jobs: sender,
        mailer,
        appUrl: publicOrigin(env),
        allowPrivateCalendarNetworks: env.CALENDAR_FEEDS_ALLOW_PRIVATE_NETWORKS,
        google: googleConfigFrom(env),
        todoist: todoistConfigFrom(env),
      }),
    work,
    retired: RETIRED_JOB_NAMES,
    stopTimeoutMs: jobStopTimeoutMs(env.SHUTDOWN_TIMEOUT_MS),
  }).catch(async (error: Error) => {
    log.fatal({ err: error }, "could not start the job queue");
    console.error(`Could not start the job queue: ${error.message.split("\n")[0]}`);
    await db.close();
    process.exit(1);
  });
  return { jobs, mailer };
}
