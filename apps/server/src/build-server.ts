import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { appRouter } from "@agendacraft/api";
import { createContextFactory, type ServerDeps } from "@agendacraft/api/context";
import { retryAfterHeader } from "@agendacraft/api/errors";
import type { AuthRateLimiter } from "@agendacraft/domain/iam";
import fastifyCors from "@fastify/cors";
import fastifyHelmet from "@fastify/helmet";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import { type Env, trustProxySetting } from "./env.ts";
import { type AppMetrics, createAppMetrics } from "./metrics/create-app-metrics.ts";
import { registerHttpMetrics } from "./metrics/http-metrics.ts";
import { registerAuthRoutes } from "./routes/auth.ts";
import { answerClientErrors, registerErrorReplies, replyNoRoute } from "./routes/error-replies.ts";
import { registerGoogleCallbackRoute } from "./routes/google-callback.ts";
import { registerGoogleNotificationsRoute } from "./routes/google-notifications.ts";
import { registerMetricsRoute } from "./routes/metrics.ts";
import { noStoreForPersonalData } from "./routes/no-store.ts";
import { registerProbeRoutes } from "./routes/probes.ts";
import { registerRestApi } from "./routes/rest-api.ts";
import { trackRoutes } from "./routes/route-index.ts";
import { registerTodoistCallbackRoute } from "./routes/todoist-callback.ts";
import { registerWebApp } from "./routes/web-app.ts";
import { watchSlowQueries } from "./slow-queries.ts";

const DEFAULT_WEB_DIST = fileURLToPath(new URL("../../web/dist", import.meta.url));
const REQUEST_ID = /^[\w.:-]{1,128}$/;

export type BuildServerOptions = {
  env: Env;
  deps: ServerDeps;
  rateLimiter: AuthRateLimiter;
  logger: FastifyBaseLogger;
  /** What /metrics serves (start-server.ts adds the pool and the job queue); default: process and request metrics only. */
  metrics?: AppMetrics;
  /**
   * In a WEB_CONCURRENCY cluster, this worker's pid, sent as `x-worker` on every response: which
   * process answered is what an operator (and the cluster's test) needs to tell workers apart.
   * Harmless to show, a number that says nothing about the machine; absent in a single process.
   */
  answeredBy?: number;
};

/** The HTTP server, fully wired but not listening; tests use `inject` or `listen({ port: 0 })`. */
export async function buildServer({
  env,
  deps: baseDeps,
  rateLimiter,
  logger,
  metrics,
  answeredBy,
}: BuildServerOptions) {
  const appMetrics = metrics ?? createAppMetrics({ log: logger });
  const deps: ServerDeps = { ...baseDeps, metrics: appMetrics.procedures };
  const app: FastifyInstance = Fastify({
    loggerInstance: logger,
    // One line per request, written below with the fields we choose (no query strings, no headers).
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: "requestId" }),
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: trustProxySetting(env.TRUST_PROXY),
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers["x-request-id"];
      return typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    // tRPC batches put every procedure path in the URL.
    routerOptions: { maxParamLength: 5000 },
    // Headers over Node's limit (431) and unreadable requests, answered in our error shape.
    clientErrorHandler: answerClientErrors(logger),
  });
  const routes = trackRoutes(app);
  registerErrorReplies(app);

  const worker = answeredBy === undefined ? undefined : String(answeredBy);
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
    if (worker) reply.header("x-worker", worker);
  });
  app.addHook("onRequest", noStoreForPersonalData);
  app.addHook("onResponse", async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        path: request.url.split("?")[0],
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime),
      },
      "request completed",
    );
  });

  registerHttpMetrics(app, appMetrics.registry);
  const slowQueries = watchSlowQueries({ prisma: deps.db, thresholdMs: env.SLOW_QUERY_MS, log: logger });
  app.addHook("onClose", async () => slowQueries.stop());

  await app.register(fastifyHelmet);
  await app.register(fastifyCors, {
    origin: env.CORS_ORIGINS.length > 0 ? env.CORS_ORIGINS : false,
    credentials: true,
    // Other sites' scripts may read where they stand against the rate limits.
    exposedHeaders: ["ratelimit-limit", "ratelimit-remaining", "ratelimit-reset", "ratelimit-policy", "retry-after"],
  });

  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: createContextFactory(deps),
      responseMeta: ({ errors }) => ({ headers: retryAfterHeader(errors) }),
    } satisfies FastifyTRPCPluginOptions<typeof appRouter>["trpcOptions"],
  });

  await registerRestApi(app, deps);
  await registerAuthRoutes(app, { auth: deps.auth, rateLimiter, trustedOrigins: deps.trustedOrigins });
  registerProbeRoutes(app, deps);
  registerGoogleCallbackRoute(app, deps);
  registerTodoistCallbackRoute(app, deps);
  await registerGoogleNotificationsRoute(app, deps);
  registerMetricsRoute(app, { registry: appMetrics.registry, token: env.METRICS_TOKEN });
  await registerWebApp(app, env.WEB_DIST_DIR ?? DEFAULT_WEB_DIST, (request, reply) =>
    replyNoRoute(routes, request, reply),
  );
  return app;
}
