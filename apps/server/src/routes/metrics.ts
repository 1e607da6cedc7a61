import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Registry } from "prom-client";

/**
 * `GET /metrics` for Prometheus, with `Authorization: Bearer <METRICS_TOKEN>`. Without a
 * configured token the endpoint does not exist (404); with one, any other request is 403.
 */
export function registerMetricsRoute(
  app: FastifyInstance,
  { registry, token }: { registry: Registry; token?: string },
) {
  app.get("/metrics", async (request, reply) => {
    reply.header("cache-control", "no-store");
    if (!token) {
      return reply.code(404).send({
        code: "metrics.disabled",
        message: "Metrics are off on this server: set METRICS_TOKEN to serve them.",
      });
    }
    if (!bearerMatches(request.headers.authorization, token)) {
      return reply
        .code(403)
        .send({ code: "metrics.forbidden", message: "Send the metrics token as Authorization: Bearer <token>." });
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}

/** Compares digests, so the time taken says nothing about how much of the token was right. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer (.+)$/i.exec(header ?? "");
  if (!match?.[1]) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}
