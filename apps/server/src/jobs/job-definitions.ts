import type { Log } from "@agendacraft/api/context";
import type { PrismaClient } from "@agendacraft/db/client";
import type { JobDefinition, JobSender } from "@agendacraft/db/jobs";
import {
  createGoogleSyncJob,
  createGoogleSyncScheduleJob,
  createGoogleWriteBackSubscriber,
  createSyncFeedsJob,
  createWriteTaskJob,
  type GoogleConfig,
  RETIRED_SYNC_FEEDS_JOB,
} from "@agendacraft/domain/calendars";
import { createCleanIdempotencyKeysJob } from "@agendacraft/domain/idempotency";
import {
  createCalendarAlertsSubscriber,
  createLogMailer,
  createRemindersSubscriber,
  createTaskStartingJob,
  DEFAULT_MAIL_FROM,
  type Mailer,
} from "@agendacraft/domain/notifier";
import { createReplanJob, createReplanSubscriber } from "@agendacraft/domain/scheduler/plan";
import type { Clock, SecretKeyring } from "@agendacraft/domain/shared";
import { createEventJobs, createEventOutbox, type Subscriber } from "@agendacraft/domain/shared/events";
import {
  createTodoistPushSubscriber,
  createTodoistSyncJob,
  createTodoistSyncScheduleJob,
  TODOIST_ITSELF,
  type TodoistConfig,
} from "@agendacraft/domain/todoist";

/** What job handlers get to work with: the same things a request gets, minus the request. */
export type JobDeps = {
  db: PrismaClient;
  log: Log;
  clock: Clock;
  /**
   * The time automatic re-plans start from: `clock` unless AGENDACRAFT_CLOCK_START moves
   * people's "now" (the queue's own timing, reminders and syncs stay on `clock`).
   */
  personClock?: Clock;
  jobs: JobSender;
  /** Opens the stored calendar addresses the sync downloads. */
  secrets: SecretKeyring;
  /** Sends reminder emails; default: written to the log. */
  mailer?: Mailer;
  /** The app's public address, linked from emails. */
  appUrl?: string;
  /** Let calendar addresses point at loopback and private networks (CALENDAR_FEEDS_ALLOW_PRIVATE_NETWORKS). */
  allowPrivateCalendarNetworks?: boolean;
  /** The server's Google client (GOOGLE_*); absent or null: the Google sync and write-back jobs do nothing. */
  google?: GoogleConfig | null;
  /** How the server reaches Todoist (TODOIST_*); absent: todoist.com itself. */
  todoist?: TodoistConfig;
};

/** Names jobs had before a rename: their queues (and any job still waiting in them) are deleted at start. */
export const RETIRED_JOB_NAMES: readonly string[] = [RETIRED_SYNC_FEEDS_JOB];

/**
 * Who reacts to domain events, in delivery order. This list is the only place domains meet:
 * a new reaction (calendar write-back, Todoist push) is one more subscriber here.
 */
export function createEventSubscribers({ jobs, clock }: Pick<JobDeps, "jobs" | "clock">): Subscriber[] {
  return [
    createRemindersSubscriber({ jobs, clock }),
    createReplanSubscriber({ jobs, clock }),
    createCalendarAlertsSubscriber({ clock }),
    createGoogleWriteBackSubscriber({ jobs, clock }),
    createTodoistPushSubscriber({ jobs, clock }),
  ];
}

/**
 * Every kind of job this app runs. The server and `pnpm worker` both use this list: each
 * defines all queues (so sends never miss one) and works them unless WORKER=off.
 */
export function createJobDefinitions({
  mailer,
  allowPrivateCalendarNetworks = false,
  ...deps
}: JobDeps): JobDefinition[] {
  // Jobs that change things record their events like requests do.
  const events = createEventOutbox({ jobs: deps.jobs, clock: deps.clock });
  return [
    ...createEventJobs({
      db: deps.db,
      jobs: deps.jobs,
      subscribers: createEventSubscribers(deps),
      clock: deps.clock,
      log: deps.log,
    }),
    createTaskStartingJob({ ...deps, mailer: mailer ?? createLogMailer({ log: deps.log, from: DEFAULT_MAIL_FROM }) }),
    createReplanJob({ db: deps.db, events, clock: deps.personClock ?? deps.clock, log: deps.log }),
    createSyncFeedsJob({
      db: deps.db,
      secrets: deps.secrets,
      events,
      clock: deps.clock,
      log: deps.log,
      allowPrivateNetworks: allowPrivateCalendarNetworks,
    }),
    createGoogleSyncJob({
      db: deps.db,
      google: deps.google,
      secrets: deps.secrets,
      clock: deps.clock,
      events,
      jobs: deps.jobs,
    }),
    createGoogleSyncScheduleJob({ db: deps.db, jobs: deps.jobs, clock: deps.clock, google: deps.google }),
    createTodoistSyncJob({
      db: deps.db,
      config: deps.todoist ?? TODOIST_ITSELF,
      secrets: deps.secrets,
      clock: deps.clock,
      events,
      jobs: deps.jobs,
      log: deps.log,
    }),
    createTodoistSyncScheduleJob({
      db: deps.db,
      jobs: deps.jobs,
      clock: deps.clock,
      config: deps.todoist ?? TODOIST_ITSELF,
    }),
    createCleanIdempotencyKeysJob({ db: deps.db, clock: deps.clock, log: deps.log }),
    createWriteTaskJob({ db: deps.db, google: deps.google ?? null, secrets: deps.secrets, clock: deps.clock, events }),
  ];
}
