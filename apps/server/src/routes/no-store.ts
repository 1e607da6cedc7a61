import type { FastifyReply, FastifyRequest } from "fastify";

const PERSONAL_DATA_PREFIXES = ["/trpc", "/api/"];

/**
 * API answers carry a person's tasks, profile and tokens: no browser, proxy or CDN may keep
 * a copy (`Cache-Control: no-store`), error answers included.
 */
export async function noStoreForPersonalData(request: FastifyRequest, reply: FastifyReply) {
  if (PERSONAL_DATA_PREFIXES.some((prefix) => request.url.startsWith(prefix)))
    reply.header("cache-control", "no-store");
}
