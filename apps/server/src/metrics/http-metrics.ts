import type { FastifyInstance } from "fastify";
import { Counter, Histogram, type Registry } from "prom-client";

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
/** What a request that matched no route is counted under: its URL is the caller's choice. */
export const UNMATCHED_ROUTE = "(unmatched)";

/**
 * Every HTTP response by route pattern (`/trpc/:path`, `/api/auth/*`, `/health`), method and
 * status, including what never reaches a procedure (404s, 413s, sign-in, static files).
 */
export function registerHttpMetrics(app: FastifyInstance, registry: Registry) {
  const duration = new Histogram({
    name: "agendacraft_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by route pattern (never the raw URL) and method.",
    labelNames: ["route", "method"],
    buckets: SECONDS_BUCKETS,
    registers: [registry],
  });
  const responses = new Counter({
    name: "agendacraft_http_responses_total",
    help: "HTTP responses by route pattern, method and status code.",
    labelNames: ["route", "method", "status"],
    registers: [registry],
  });

  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    const method = METHODS.has(request.method) ? request.method : "OTHER";
    duration.observe({ route, method }, reply.elapsedTime / 1000);
    responses.inc({ route, method, status: String(reply.statusCode) });
  });
}
