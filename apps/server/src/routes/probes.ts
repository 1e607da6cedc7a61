import { createCaller } from "@agendacraft/api";
import { createContextInner, type ServerDeps } from "@agendacraft/api/context";
import type { FastifyInstance } from "fastify";

/**
 * Plain HTTP probes for load balancers and orchestrators; they answer through the
 * same procedures as `meta.health` and `meta.ready`.
 */
export function registerProbeRoutes(app: FastifyInstance, deps: ServerDeps) {
  app.get("/health", async (request) => {
    const caller = createCaller(createContextInner({ deps, requestId: request.id }));
    return caller.meta.health();
  });

  app.get("/ready", async (request, reply) => {
    const caller = createCaller(createContextInner({ deps, requestId: request.id }));
    const readiness = await caller.meta.ready();
    return reply.code(readiness.ready ? 200 : 503).send(readiness);
  });
}
