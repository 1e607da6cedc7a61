import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { logDatabaseUnavailable, trpcCodeForKind, trpcErrorBody } from "@agendacraft/api/errors";
import { REST_PREFIX } from "@agendacraft/api/rest";
import {
  DomainError,
  domainErrorFromPrisma,
  isDatabaseUnavailableError,
  isDomainError,
} from "@agendacraft/domain/shared";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import type { FastifyBaseLogger, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { RouteIndex } from "./route-index.ts";

/**
 * Errors raised by the HTTP layer rather than by a procedure (a body over the limit,
 * headers too large, an unknown route, a database that is down while /api/auth runs) get
 * the same shape as everything else on their path: tRPC's error JSON under /trpc (with
 * `data.code` and `data.domainError.code`), `{"error": {message, code, details}}` under
 * /api/v1, `{ code, message }` elsewhere, as /api/auth answers. Nothing from a driver or a stack ever reaches the body.
 */

type HttpFailure = {
  status: number;
  trpcCode: TRPC_ERROR_CODE_KEY;
  message: string;
  /** Null for an internal error: like tRPC's own 500s, it carries no domain code. */
  domainError: DomainError | null;
};

const GENERIC_INTERNAL_MESSAGE = "Something went wrong on our side. Please try again.";

type ClientError = { code: string; trpcCode: TRPC_ERROR_CODE_KEY; message: string };
const BAD_REQUEST: ClientError = {
  code: "common.bad_request",
  trpcCode: "BAD_REQUEST",
  message: "The request could not be read.",
};
const CLIENT_ERRORS: Record<number, ClientError> = {
  400: BAD_REQUEST,
  401: {
    code: "common.unauthorized",
    trpcCode: "UNAUTHORIZED",
    message: "The request did not prove where it comes from.",
  },
  404: { code: "common.not_found", trpcCode: "NOT_FOUND", message: "There is nothing at this address." },
  405: {
    code: "common.method_not_allowed",
    trpcCode: "METHOD_NOT_SUPPORTED",
    message: "This address does not accept that method.",
  },
  408: { code: "common.request_timeout", trpcCode: "TIMEOUT", message: "The request took too long to arrive." },
  413: { code: "common.payload_too_large", trpcCode: "PAYLOAD_TOO_LARGE", message: "The request body is too large." },
  414: { code: "common.uri_too_long", trpcCode: "BAD_REQUEST", message: "The address is too long." },
  415: {
    code: "common.unsupported_media_type",
    trpcCode: "UNSUPPORTED_MEDIA_TYPE",
    message: "Send the body as JSON (content-type: application/json).",
  },
  431: { code: "common.headers_too_large", trpcCode: "BAD_REQUEST", message: "The request headers are too large." },
};
/** A 4xx the HTTP layer decided, with its stable code; other 4xx statuses read as a bad request. */
export function clientFailure(status: number): HttpFailure {
  const { code, trpcCode, message } = CLIENT_ERRORS[status] ?? BAD_REQUEST;
  const kind = status === 404 ? "NOT_FOUND" : "INVALID";
  return { status, trpcCode, message, domainError: new DomainError({ kind, code, message }) };
}

function domainFailure(error: DomainError): HttpFailure {
  const trpcCode = trpcCodeForKind(error.kind);
  const status = getHTTPStatusCodeFromError(new TRPCError({ code: trpcCode }));
  return { status, trpcCode, message: error.message, domainError: error };
}

const INTERNAL_FAILURE: HttpFailure = {
  status: 500,
  trpcCode: "INTERNAL_SERVER_ERROR",
  message: GENERIC_INTERNAL_MESSAGE,
  domainError: null,
};

export function pathOf(url: string): string {
  return url.split("?")[0] ?? "/";
}

function errorBody(path: string, { status, trpcCode, message, domainError }: HttpFailure): unknown {
  if (path === "/trpc" || path.startsWith("/trpc/")) {
    return trpcErrorBody({ code: trpcCode, httpStatus: status, message, ...(domainError ? { domainError } : {}) });
  }
  const code = domainError?.code ?? "common.internal_error";
  if (path === REST_PREFIX || path.startsWith(`${REST_PREFIX}/`)) {
    return { error: { message, code, details: restDetails(domainError) } };
  }
  return { code, message };
}

/** A rate limit's wait, in the REST API's names; nothing else of an HTTP-layer failure is detail. */
function restDetails(error: DomainError | null): Record<string, unknown> | null {
  const seconds = error?.details?.retryAfterSeconds;
  return typeof seconds === "number" ? { retry_after_seconds: seconds } : null;
}

function retryAfter(error: DomainError | null): string | undefined {
  const seconds = error?.details?.retryAfterSeconds;
  return typeof seconds === "number" && seconds > 0 ? String(Math.ceil(seconds)) : undefined;
}

export function sendFailure(request: FastifyRequest, reply: FastifyReply, failure: HttpFailure) {
  const wait = retryAfter(failure.domainError);
  if (wait) reply.header("retry-after", wait);
  return reply
    .code(failure.status)
    .type("application/json; charset=utf-8")
    .send(errorBody(pathOf(request.url), failure));
}

/** Fastify's error handler: thrown domain and database errors, its own 4xx errors, and the rest as a logged 500. */
export function registerErrorReplies(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const domainError = isDomainError(error) ? error : domainErrorFromPrisma(error);
    if (domainError) {
      if (domainError.kind === "UNAVAILABLE" && isDatabaseUnavailableError(error)) {
        logDatabaseUnavailable(request.log, { requestId: request.id, path: pathOf(request.url), err: error });
      }
      return sendFailure(request, reply, domainFailure(domainError));
    }
    const status = error.statusCode;
    if (typeof status === "number" && status >= 400 && status < 500) {
      return sendFailure(request, reply, clientFailure(status));
    }
    request.log.error({ err: error }, "request failed");
    return sendFailure(request, reply, INTERNAL_FAILURE);
  });
}

/** Unknown API routes: 405 with `Allow` when the path exists for other methods, else 404. */
export function replyNoRoute(routes: RouteIndex, request: FastifyRequest, reply: FastifyReply) {
  const allowed = routes.methodsFor(pathOf(request.url));
  if (allowed.length > 0) {
    reply.header("allow", allowed.join(", "));
    return sendFailure(request, reply, clientFailure(405));
  }
  return sendFailure(request, reply, clientFailure(404));
}

/**
 * Node's HTTP parser refuses a request before Fastify sees it (headers over the limit,
 * a malformed request line, a timeout). The path, when the request line arrived, picks the
 * shape; the connection is answered and closed.
 */
export function answerClientErrors(log: FastifyBaseLogger) {
  return (error: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void => {
    if (error.code === "ECONNRESET" || socket.destroyed) return;
    const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
    const line = readRequestLine(error.rawPacket);
    // A body after a HEAD request is garbage to the client ("Data after Connection: close"), as
    // Node knows (its own answer has none): one only when the request line shows another method.
    const body = line && line.method !== "HEAD" ? JSON.stringify(errorBody(line.path, clientFailure(status))) : "";
    const path = line?.path ?? "/";
    log.debug({ status, path, code: error.code }, "client error answered");
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(
      [
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
        "content-type: application/json; charset=utf-8",
        `content-length: ${Buffer.byteLength(body)}`,
        "cache-control: no-store",
        "connection: close",
        "",
        body,
      ].join("\r\n"),
    );
  };
}

function readRequestLine(rawPacket: unknown): { method: string; path: string } | undefined {
  if (!Buffer.isBuffer(rawPacket)) return undefined;
  const firstLine = rawPacket.toString("latin1", 0, Math.min(rawPacket.length, 8192)).split("\r\n", 1)[0];
  const [, method, target] = firstLine?.match(/^([A-Z]+) (\S+) HTTP\/1\.[01]$/) ?? [];
  return method && target ? { method, path: pathOf(target) } : undefined;
}
