import type { Log, ServerDeps } from "@agendacraft/api/context";
import { createApiRateLimiter } from "@agendacraft/api/rate-limit";
import type { PrismaClient } from "@agendacraft/db/client";
import type { JobQueue, JobSender } from "@agendacraft/db/jobs";
import { createAuth, createAuthRateLimiter, getAuthSecret } from "@agendacraft/domain/iam";
import type { ReadinessProbe } from "@agendacraft/domain/meta";
import type { NotificationBus } from "@agendacraft/domain/notifier";
import { type Clock, createRateLimitStore, type SecretKeyring } from "@agendacraft/domain/shared";
import { createEventOutbox } from "@agendacraft/domain/shared/events";
import { type Env, googleConfigFrom, publicOrigin, todoistConfigFrom } from "./env.ts";
import { loadAppSecrets } from "./load-app-secrets.ts";

export const VERSION = "0.1.0";

/** Everything the routes need, built once per process from the configuration and the database. */
export async function createServerDeps({
  env,
  prisma,
  log,
  clock,
  startedAt,
  readinessProbes = [],
  jobs,
  notifications,
  secrets,
}: {
  env: Env;
  prisma: PrismaClient;
  log: Log;
  clock: Clock;
  startedAt: Date;
  readinessProbes?: ReadinessProbe[];
  /**
   * Where procedures enqueue (`ctx.jobs`) and the outbox sends its dispatches. Required: the
   * job queue, whose `probe` makes `/ready`'s "queue" check, or in tests a recording sender.
   */
  jobs: JobSender & Partial<Pick<JobQueue, "probe">>;
  /** Live notifications (`notifier.notifications.onNew`). */
  notifications?: NotificationBus;
  /** The keyring prepareSecrets made at start; absent (tests): loaded from `env` alike. */
  secrets?: SecretKeyring;
}) {
  const origin = publicOrigin(env);
  const trustedOrigins = [origin, ...env.CORS_ORIGINS];
  const google = googleConfigFrom(env);
  const auth = createAuth({
    prisma,
    secret: await getAuthSecret({ db: prisma, configured: env.AUTH_SECRET }),
    baseURL: origin,
    trustedOrigins,
    google,
  });
  // One set of counters in the database for sign-in and for the API.
  const rateLimitStore = createRateLimitStore({
    db: prisma,
    onUnavailable: (error) =>
      log.warn({ err: error }, "rate-limit counters unavailable; counting in this process's memory meanwhile"),
  });
  const rateLimiter = createAuthRateLimiter({
    store: rateLimitStore,
    limits: {
      perIp: env.AUTH_RATE_LIMIT_PER_IP,
      perEmailAndIp: env.AUTH_RATE_LIMIT_PER_EMAIL_AND_IP,
      perEmail: env.AUTH_RATE_LIMIT_PER_EMAIL,
      windowSeconds: env.AUTH_RATE_LIMIT_WINDOW_SECONDS,
    },
  });
  const deps: ServerDeps = {
    db: prisma,
    log,
    clock,
    app: { version: VERSION, startedAt },
    auth,
    secrets: secrets ?? (await loadAppSecrets({ env, db: prisma })),
    trustedOrigins,
    readinessProbes: jobs.probe
      ? [...readinessProbes, { name: "queue", run: async () => jobs.probe?.() }]
      : readinessProbes,
    jobs,
    events: createEventOutbox({ jobs, clock }),
    notifications,
    calendarFeeds: { allowPrivateNetworks: env.CALENDAR_FEEDS_ALLOW_PRIVATE_NETWORKS },
    google,
    todoist: todoistConfigFrom(env),
    rateLimiter: createApiRateLimiter({
      store: rateLimitStore,
      limits: {
        perMinute: env.API_RATE_LIMIT_PER_MINUTE,
        anonymousPerMinute: env.API_RATE_LIMIT_ANONYMOUS_PER_MINUTE,
        sensitivePerHour: env.API_RATE_LIMIT_SENSITIVE_PER_HOUR,
      },
    }),
    maxBatchCalls: env.API_BATCH_MAX_CALLS,
  };
  return { deps, rateLimiter };
}
