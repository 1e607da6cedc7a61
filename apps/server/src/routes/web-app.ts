import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

const API_PREFIXES = ["/trpc", "/api/", "/health", "/ready"];

/**
 * Serves the built web app at `/`, with client-side routes falling back to index.html.
 * Without a build it says how to make one rather than failing the whole server.
 */
export async function registerWebApp(
  app: FastifyInstance,
  distDir: string,
  /** Answers an unknown API route (404, or 405 when the path takes other methods). */
  replyNoRoute: (request: FastifyRequest, reply: FastifyReply) => unknown,
) {
  const hasBuild = existsSync(join(distDir, "index.html"));
  if (hasBuild) {
    await app.register(fastifyStatic, { root: distDir, wildcard: false, index: "index.html" });
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    const wantsPage = request.method === "GET" && !API_PREFIXES.some((prefix) => path.startsWith(prefix));
    if (!wantsPage) return replyNoRoute(request, reply);
    if (hasBuild) return reply.sendFile("index.html");
    return reply
      .code(503)
      .type("text/html")
      .send(
        "<!doctype html><title>AgendaCraft</title><p>The web app is not built yet. Run <code>pnpm build</code>.</p>",
      );
  });
}
