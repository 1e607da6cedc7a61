import type { GoogleConfig } from "@agendacraft/domain/calendars";
import { type Auth, type AuthSession, resolveSession } from "@agendacraft/domain/iam";
import type { ReadinessProbe } from "@agendacraft/domain/meta";
import type { NotificationBus } from "@agendacraft/domain/notifier";
import type { Clock, DbClient, JobSender, SecretKeyring } from "@agendacraft/domain/shared";
import type { EventRecorder } from "@agendacraft/domain/shared/events";
import type { TodoistConfig } from "@agendacraft/domain/todoist";
import { assertBatchWithinLimit } from "./batch-limit.ts";
import { isCrossSiteRequest } from "./cross-site.ts";
import { sessionResolutionError } from "./errors/session-resolution-error.ts";
import type { Log } from "./log.ts";
import type { ProcedureMetrics } from "./observability/observe-procedure.ts";
import type { ApiRateLimiter } from "./rate-limit/create-api-rate-limiter.ts";

// Its own file, so the error helpers that log can name it without importing the context (a cycle).
export type { Log } from "./log.ts";

/** Who is calling: resolved from the session cookie or a bearer API token. */
export type Session = AuthSession;

/** What lives as long as the server: built once at start, shared by every request. */
export type ServerDeps = {
  db: DbClient;
  log: Log;
  clock: Clock;
  app: { version: string; startedAt: Date };
  auth: Auth;
  /** Seals and opens secrets stored in the database (calendar addresses). */
  secrets: SecretKeyring;
  /** Origins whose cookie-authenticated mutations are accepted (the app's own and CORS_ORIGINS). */
  trustedOrigins: string[];
  /** Extra readiness checks beyond the database (e.g. the job queue). */
  readinessProbes?: ReadinessProbe[];
  /** Enqueues follow-up work in the caller's transaction. Required: tests pass a real queue or a recording one. */
  jobs: JobSender;
  /** Records domain events in the caller's transaction (the outbox). Required, like `jobs`. */
  events: EventRecorder;
  /** Live in-app notifications for `notifier.notifications.onNew`; absent: that stream answers UNAVAILABLE. */
  notifications?: NotificationBus;
  /** The server's Google OAuth client; absent or null: Google procedures answer `calendars.google_not_configured`. */
  google?: GoogleConfig | null;
  /** How the server reaches Todoist (TODOIST_BASE_URL, TODOIST_CLIENT_ID...); absent: todoist.com, token connects only. */
  todoist?: TodoistConfig;
  /** Whether calendar addresses may point at loopback or private networks (tests); absent: they may not. */
  calendarFeeds?: { allowPrivateNetworks: boolean };
  /** Counts every call against its caller's limit; absent (tests, scripts): nothing is limited. */
  rateLimiter?: ApiRateLimiter;
  /** Most calls one HTTP request may batch; absent: no cap. */
  maxBatchCalls?: number;
  /** Receives each procedure call's path, time and outcome (the server's /metrics); absent: nothing is measured. */
  metrics?: ProcedureMetrics;
};

export type Context = ServerDeps & {
  session: Session | null;
  requestId: string;
  /** The address the server trusts as the client's (TRUST_PROXY-aware); null outside HTTP. */
  clientIp: string | null;
  /** Where procedures add response headers (rate limits); null outside HTTP. */
  reply: ContextReply | null;
  /** The request's `Idempotency-Key` header (unchecked; idempotent procedures validate it). */
  idempotencyKey: string | null;
};

/** Builds a context without HTTP: for tests (`createCaller`) and scripts. */
export function createContextInner({
  deps,
  session = null,
  requestId = "internal",
  clientIp = null,
  reply = null,
  idempotencyKey = null,
}: {
  deps: ServerDeps;
  session?: Session | null;
  requestId?: string;
  clientIp?: string | null;
  reply?: ContextReply | null;
  idempotencyKey?: string | null;
}): Context {
  return { ...deps, session, requestId, clientIp, reply, idempotencyKey };
}

/** The minimum of an HTTP request and reply the context uses, so any adapter can supply it. */
export type ContextRequest = {
  id: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
  log?: Log;
  /** The client's address as the server trusts it. */
  ip?: string;
};
export type ContextReply = { header(name: string, value: string | string[]): unknown };

export function toHeaders(raw: ContextRequest["headers"]): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

/** Returns the per-request context factory the HTTP adapter calls. */
export function createContextFactory(deps: ServerDeps) {
  return async function createContext({
    req,
    res,
    info,
  }: {
    req: ContextRequest;
    res?: ContextReply;
    /** tRPC's view of the request: how many calls it batches. */
    info?: { calls: readonly unknown[] };
  }): Promise<Context> {
    // First, before the session lookup: an oversized batch costs nothing.
    assertBatchWithinLimit(info?.calls.length ?? 1, deps.maxBatchCalls);
    const requestDeps = req.log ? { ...deps, log: req.log } : deps;
    const headers = toHeaders(req.headers);
    const { session, setCookies } = await resolveSession({
      auth: deps.auth,
      db: deps.db,
      headers,
      clock: deps.clock,
    }).catch((error: unknown) => {
      throw sessionResolutionError(error, { log: requestDeps.log, requestId: req.id });
    });
    if (setCookies.length > 0) res?.header("set-cookie", setCookies);

    const http = {
      deps: requestDeps,
      requestId: req.id,
      clientIp: req.ip ?? null,
      reply: res ?? null,
      idempotencyKey: headers.get("idempotency-key"),
    };
    // A cookie rides along on requests other sites trigger; such a request acts as nobody.
    if (
      session?.via === "cookie" &&
      isCrossSiteRequest({ method: req.method, headers, trustedOrigins: deps.trustedOrigins })
    ) {
      requestDeps.log.warn({ requestId: req.id }, "cross-site request with a session cookie treated as anonymous");
      return createContextInner({ ...http, session: null });
    }
    return createContextInner({ ...http, session });
  };
}
