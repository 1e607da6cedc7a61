import { existsSync } from "node:fs";
import { join, relative, sep } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { HASHED_ASSETS_PREFIX, webCacheControl } from "./web-cache-control.ts";

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
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: "index.html",
      // `send`'s own header would be "max-age=0" for everything; ours depends on the file.
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        const urlPath = `/${relative(distDir, filePath).split(sep).join("/")}`;
        reply.header("cache-control", webCacheControl(urlPath));
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    // A hashed file that is gone (an old tab after a deploy) is a 404, not the app's HTML
    // under a script's name.
    const wantsPage =
      request.method === "GET" &&
      !path.startsWith(HASHED_ASSETS_PREFIX) &&
      !API_PREFIXES.some((prefix) => path.startsWith(prefix));
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
