import type { FastifyReply } from "fastify";

/**
 * The error object Todoist's v1 API answers with, both as an HTTP body and per command in
 * `sync_status` (the SDK's SyncError: error, error_code, error_extra, error_tag, http_code).
 */
export type TodoistError = {
  error: string;
  error_code: number;
  error_extra: Record<string, unknown>;
  error_tag: string;
  http_code: number;
};

export const ERRORS = {
  invalidTempId: { error: "Invalid temporary id", error_code: 15, error_tag: "INVALID_TEMPID", http_code: 400 },
  argumentMissing: {
    error: "Required argument is missing",
    error_code: 19,
    error_tag: "ARGUMENT_MISSING",
    http_code: 400,
  },
  invalidArgument: {
    error: "Invalid argument value",
    error_code: 20,
    error_tag: "INVALID_ARGUMENT_VALUE",
    http_code: 400,
  },
  projectNotFound: { error: "Project not found", error_code: 21, error_tag: "PROJECT_NOT_FOUND", http_code: 404 },
  itemNotFound: { error: "Item not found", error_code: 22, error_tag: "ITEM_NOT_FOUND", http_code: 404 },
  sectionNotFound: { error: "Section not found", error_code: 23, error_tag: "SECTION_NOT_FOUND", http_code: 404 },
  unknownCommand: { error: "Unknown command", error_code: 27, error_tag: "UNKNOWN_COMMAND", http_code: 400 },
  unauthorized: { error: "Unauthorized", error_code: 401, error_tag: "AUTH_INVALID_TOKEN", http_code: 401 },
  insufficientScope: {
    error: "Insufficient token scope",
    error_code: 403,
    error_tag: "AUTH_INSUFFICIENT_TOKEN_SCOPE",
    http_code: 403,
  },
  notFound: { error: "Not found", error_code: 404, error_tag: "NOT_FOUND", http_code: 404 },
  tooManyRequests: { error: "Too many requests", error_code: 429, error_tag: "TOO_MANY_REQUESTS", http_code: 429 },
  internal: { error: "Internal server error", error_code: 500, error_tag: "INTERNAL_SERVER_ERROR", http_code: 500 },
  unavailable: { error: "Service unavailable", error_code: 503, error_tag: "SERVICE_UNAVAILABLE", http_code: 503 },
} satisfies Record<string, Omit<TodoistError, "error_extra">>;

export type ErrorKind = keyof typeof ERRORS;

/** A failure inside a command or a route, carried up to where it is answered. */
export class TodoistFailure extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(ERRORS[kind].error);
  }

  toJSON(): TodoistError {
    return { ...ERRORS[this.kind], error_extra: this.extra };
  }
}

export function errorBody(kind: ErrorKind, extra: Record<string, unknown> = {}): TodoistError {
  return { ...ERRORS[kind], error_extra: extra };
}

export function sendError(reply: FastifyReply, kind: ErrorKind, extra: Record<string, unknown> = {}) {
  const body = errorBody(kind, extra);
  return reply.code(body.http_code).type("application/json").send(body);
}
