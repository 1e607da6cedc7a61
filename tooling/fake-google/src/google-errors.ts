import type { FastifyReply } from "fastify";

/**
 * Error bodies as Google sends them. The Calendar API answers
 * `{ error: { code, message, errors: [{ domain, reason, message }], status } }`; the OAuth
 * endpoints answer `{ error: "invalid_grant", error_description }` (RFC 6749, section 5.2).
 */
export type ApiErrorSpec = {
  status: number;
  reason: string;
  message: string;
  domain?: string;
  location?: string;
  locationType?: string;
};

const STATUS_NAMES: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  409: "ALREADY_EXISTS",
  410: "FAILED_PRECONDITION",
  412: "FAILED_PRECONDITION",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  503: "UNAVAILABLE",
};

export function apiErrorBody(spec: ApiErrorSpec) {
  const detail: Record<string, string> = {
    domain: spec.domain ?? "global",
    reason: spec.reason,
    message: spec.message,
  };
  if (spec.location) detail.location = spec.location;
  if (spec.locationType) detail.locationType = spec.locationType;
  const status = STATUS_NAMES[spec.status];
  return { error: { errors: [detail], code: spec.status, message: spec.message, ...(status ? { status } : {}) } };
}

export function sendApiError(reply: FastifyReply, spec: ApiErrorSpec): FastifyReply {
  if (spec.status === 401) reply.header("www-authenticate", 'Bearer realm="https://accounts.google.com/"');
  return reply.code(spec.status).send(apiErrorBody(spec));
}

export function sendOAuthError(reply: FastifyReply, status: number, error: string, description: string): FastifyReply {
  return reply.code(status).send({ error, error_description: description });
}

/** The Calendar API errors the fake answers, worded as Google words them. */
export const calendarErrors = {
  loginRequired: (): ApiErrorSpec => ({
    status: 401,
    reason: "required",
    message: "Login Required.",
    location: "Authorization",
    locationType: "header",
  }),
  invalidCredentials: (): ApiErrorSpec => ({
    status: 401,
    reason: "authError",
    message: "Invalid Credentials",
    location: "Authorization",
    locationType: "header",
  }),
  insufficientScopes: (): ApiErrorSpec => ({
    status: 403,
    reason: "insufficientPermissions",
    message: "Request had insufficient authentication scopes.",
  }),
  /** A write to a calendar the account may only read (accessRole reader or freeBusyReader). */
  requiredAccessLevel: (): ApiErrorSpec => ({
    status: 403,
    reason: "requiredAccessLevel",
    message: "You need to have writer access to this calendar.",
  }),
  notFound: (): ApiErrorSpec => ({ status: 404, reason: "notFound", message: "Not Found" }),
  deleted: (): ApiErrorSpec => ({ status: 410, reason: "deleted", message: "Resource has been deleted" }),
  duplicate: (): ApiErrorSpec => ({
    status: 409,
    reason: "duplicate",
    message: "The requested identifier already exists.",
  }),
  fullSyncRequired: (): ApiErrorSpec => ({
    status: 410,
    reason: "fullSyncRequired",
    message: "Sync token is no longer valid, a full sync is required.",
  }),
  invalid: (message: string, location?: string): ApiErrorSpec => ({
    status: 400,
    reason: "invalid",
    message,
    ...(location ? { location, locationType: "parameter" } : {}),
  }),
  required: (message: string): ApiErrorSpec => ({ status: 400, reason: "required", message }),
  timeRangeEmpty: (): ApiErrorSpec => ({
    status: 400,
    reason: "timeRangeEmpty",
    message: "The specified time range is empty.",
  }),
};

/** Thrown inside the store; the routes turn it into Google's error body. */
export class GoogleApiError extends Error {
  constructor(readonly spec: ApiErrorSpec) {
    super(spec.message);
  }
}
