import { isCrossSiteRequest } from "@agendacraft/api/cross-site";
import { type RateLimitState, rateLimitHeaders } from "@agendacraft/api/rate-limit";
import { type Auth, type AuthRateLimiter, CLIENT_IP_HEADER, handleAuthRequest } from "@agendacraft/domain/iam";
import {
  INVALID_CHARACTERS_CODE,
  INVALID_CHARACTERS_MESSAGE,
  isDatabaseUnavailableError,
  isDomainError,
} from "@agendacraft/domain/shared";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { clientFailure, sendFailure } from "./error-replies.ts";
import { findInvalidAuthInput } from "./find-invalid-auth-input.ts";

/** The attempts that guess passwords or mass-create accounts; every other auth route is unlimited. */
const SIGN_IN_PATH = "/api/auth/sign-in/email";
const RATE_LIMITED_PATHS = new Set([SIGN_IN_PATH, "/api/auth/sign-up/email"]);

type AuthRouteOptions = { auth: Auth; rateLimiter: AuthRateLimiter; trustedOrigins: string[] };

/** What a caller gets instead of any 5xx from the auth library or its database: never their text. */
export const AUTH_INTERNAL_ERROR = {
  code: "common.internal_error",
  message: "Something went wrong on our side. Please try again.",
} as const;

/**
 * Mounts better-auth's HTTP routes (sign-up, sign-in, sign-out, get-session, ...) under
 * /api/auth by turning each Fastify request into the Fetch Request the library expects.
 * Text the database cannot store is refused before the library (or the rate limiter) sees
 * it, and any server error, thrown or answered, reaches the caller as AUTH_INTERNAL_ERROR
 * only: the original (which may quote SQL or Prisma) goes to the log with the request id.
 */
export async function registerAuthRoutes(app: FastifyInstance, options: AuthRouteOptions) {
  // Encapsulated, so the JSON parser below applies to these routes only.
  await app.register(authRoutes, options);
}

/** A JSON body as sent, and parsed (Fastify's own parser: same limits, same 400s, __proto__ refused). */
type JsonBody = { text: string; json: unknown };

function authRoutes(
  app: FastifyInstance,
  { auth, rateLimiter, trustedOrigins }: AuthRouteOptions,
  registered: () => void,
) {
  // The library gets the body's own text: serialising the parsed value again overflows the
  // stack on deeply nested input (a 500), and costs a second pass for nothing.
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, text, done) => {
    // Fastify's own parser answers through the callback; it returns nothing to wait for.
    const body = String(text);
    void parseJson(request, body, (error, json) =>
      error ? done(error) : done(null, { text: body, json } satisfies JsonBody),
    );
  });

  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    async handler(request, reply) {
      const path = request.url.split("?")[0] ?? "";
      try {
        const fetchRequest = toFetchRequest(request);
        // Another site's page must not sign people in or out here (login and logout CSRF).
        if (isCrossSiteRequest({ method: request.method, headers: fetchRequest.headers, trustedOrigins })) {
          return reply
            .code(403)
            .send({ code: "iam.cross_site_request", message: "This request came from another site and was refused." });
        }
        const invalidField = findInvalidAuthInput({
          url: request.url,
          query: request.query,
          body: parsedBody(request),
        });
        if (invalidField !== null) {
          return reply.code(400).send({
            code: INVALID_CHARACTERS_CODE,
            message: INVALID_CHARACTERS_MESSAGE,
            fieldErrors: { [invalidField]: [INVALID_CHARACTERS_MESSAGE] },
          });
        }
        const limited = request.method === "POST" && RATE_LIMITED_PATHS.has(path);
        if (limited && (await refuseOverLimit(rateLimiter, request, reply))) return reply;

        const response = await handleAuthRequest(auth, fetchRequest);
        // The library's unknown route is an empty 404; answer it in the shape of every other.
        if (response.status === 404 && !response.body) return sendFailure(request, reply, clientFailure(404));
        const body = response.body ? await response.text() : null;
        if (response.status >= 500) {
          request.log.error({ path, status: response.status, body }, "the auth library answered with a server error");
          return reply.code(500).send(AUTH_INTERNAL_ERROR);
        }
        const email = emailOf(request);
        if (limited && path === SIGN_IN_PATH && response.ok && email !== undefined) {
          await rateLimiter.succeeded({ ip: request.ip, email });
        }
        reply.status(response.status);
        response.headers.forEach((value, name) => {
          if (name !== "set-cookie") reply.header(name, value);
        });
        const cookies = response.headers.getSetCookie();
        if (cookies.length > 0) reply.header("set-cookie", cookies);
        return reply.send(body);
      } catch (error) {
        // An unreachable database is 503 common.unavailable with Retry-After, logged with the
        // request id, by the server's error handler, as on every other route.
        if (isDatabaseUnavailableError(error)) throw error;
        request.log.error({ err: error, path }, "auth request failed");
        if (reply.sent) return reply;
        return reply.code(500).send(AUTH_INTERNAL_ERROR);
      }
    },
  });
  registered();
}

/** The parsed body: JSON as parsed next to its text, any other body as Fastify parsed it. */
function parsedBody(request: FastifyRequest): unknown {
  const body = request.body as JsonBody | string | undefined;
  return body !== null && typeof body === "object" && "json" in body ? body.json : body;
}

function emailOf(request: FastifyRequest): string | undefined {
  const body = parsedBody(request) as { email?: unknown } | null | undefined;
  return typeof body?.email === "string" ? body.email : undefined;
}

/** Counts the attempt; true when it was refused (429 sent, with Retry-After and RateLimit-* headers). */
async function refuseOverLimit(rateLimiter: AuthRateLimiter, request: FastifyRequest, reply: FastifyReply) {
  try {
    await rateLimiter.consume({ ip: request.ip, email: emailOf(request) });
    return false;
  } catch (error) {
    if (!isDomainError(error) || error.kind !== "RATE_LIMITED") throw error;
    const state = error.details as RateLimitState;
    reply
      .code(429)
      .headers(rateLimitHeaders(state, { refused: true }))
      .send({ code: error.code, message: error.message });
    return true;
  }
}

function toFetchRequest(request: FastifyRequest): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name === CLIENT_IP_HEADER) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  // The address Fastify trusts (TRUST_PROXY-aware), for session records.
  headers.set(CLIENT_IP_HEADER, request.ip);
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  const body = request.body as JsonBody | string | undefined;
  const hasBody = request.method !== "GET" && request.method !== "HEAD" && body !== undefined;
  return new Request(url, {
    method: request.method,
    headers,
    ...(hasBody ? { body: typeof body === "string" ? body : body.text } : {}),
  });
}
