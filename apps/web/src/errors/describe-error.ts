import { TRPCClientError } from "@agendacraft/client";

/** What went wrong, in words a person can act on; never a stack or raw JSON. */
export type DescribedError = {
  kind: "network" | "unauthorized" | "validation" | "domain" | "unknown";
  /** One sentence for a banner, toast or form. */
  message: string;
  /** The stable domain code (`scheduler.start_in_past`), when the server sent one. */
  code: string | null;
  /** Messages per input field (from zod on the server), keyed by the field's name. */
  fieldErrors: Record<string, string[]>;
};

export const NETWORK_MESSAGE = "Cannot reach the server. Check your connection and try again.";
const UNKNOWN_MESSAGE = "Something went wrong on our side. Try again in a moment.";

type ErrorData = {
  httpStatus?: number;
  code?: string;
  domainError?: { code?: string } | null;
  zodError?: {
    formErrors?: string[];
    fieldErrors?: Record<string, string[] | undefined>;
    /** `path` is dotted ("options.bufferMinutes"); "" for the whole input. */
    issues?: { path: string | (string | number)[]; message: string }[];
  } | null;
};

/** The shape of a refused /api/auth call as better-auth's client reports it (our codes included). */
export type AuthFailure = {
  status: number;
  code?: string;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
};

/**
 * Turns any failure into a DescribedError: a tRPC call's, or an /api/auth route's as
 * better-auth's client reports it. Forms show it through one mapper (ui/form/map-form-errors.ts).
 */
export function describeError(error: unknown): DescribedError {
  if (isAuthFailure(error)) return describeAuthFailure(error);
  if (!(error instanceof TRPCClientError)) {
    if (error instanceof TypeError) return network();
    return { kind: "unknown", message: UNKNOWN_MESSAGE, code: null, fieldErrors: {} };
  }
  const data = error.data as ErrorData | undefined;
  // No error envelope means no answer from our server at all (offline, proxy error page).
  if (!data) return network();

  if (data.zodError) {
    const fieldErrors = fieldErrorsFromIssues(data.zodError);
    const firstFieldMessage = Object.values(fieldErrors)[0]?.[0];
    return {
      kind: "validation",
      message: data.zodError.formErrors?.[0] ?? firstFieldMessage ?? "Check the highlighted fields.",
      code: null,
      fieldErrors,
    };
  }
  if (data.code === "UNAUTHORIZED") {
    return { kind: "unauthorized", message: "Your session has ended. Sign in again.", code: null, fieldErrors: {} };
  }
  if (data.domainError?.code) {
    // Domain errors carry a message written for people (see packages/domain/src/*/..-errors.ts).
    return {
      kind: "domain",
      message: DOMAIN_MESSAGES[data.domainError.code] ?? error.message,
      code: data.domainError.code,
      fieldErrors: {},
    };
  }
  if (data.httpStatus !== undefined && data.httpStatus < 500 && error.message) {
    return { kind: "domain", message: error.message, code: null, fieldErrors: {} };
  }
  return { kind: "unknown", message: UNKNOWN_MESSAGE, code: null, fieldErrors: {} };
}

/** Whether the failure means the server could not be reached (shown as the retry banner). */
export function isNetworkError(error: unknown): boolean {
  return describeError(error).kind === "network";
}

export function isUnauthorizedError(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as ErrorData | undefined)?.code === "UNAUTHORIZED";
}

/**
 * Where the server's own message is not the best thing to show in the app, a better one.
 * Everything else shows the server's message, which is already written for people.
 */
const DOMAIN_MESSAGES: Record<string, string> = {
  "common.not_found": "That item no longer exists. It may have been deleted in another tab.",
  "iam.rate_limited": "Too many attempts. Wait a minute and try again.",
  // better-auth's own codes on /api/auth.
  INVALID_EMAIL_OR_PASSWORD: "That email and password do not match an account.",
  USER_ALREADY_EXISTS: "An account with this email already exists. Sign in instead.",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "An account with this email already exists. Sign in instead.",
  "iam.cross_site_request": "This page is not allowed to sign in here. Open AgendaCraft from its own address.",
};

function isAuthFailure(error: unknown): error is AuthFailure {
  return (
    typeof error === "object" &&
    error !== null &&
    !(error instanceof Error) &&
    typeof (error as { status?: unknown }).status === "number"
  );
}

function describeAuthFailure(failure: AuthFailure): DescribedError {
  // Status 0: the request never got an answer.
  if (failure.status === 0) return network();
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(failure.fieldErrors ?? {})) {
    if (messages && messages.length > 0) fieldErrors[field] = messages;
  }
  const code = failure.code ?? null;
  if (Object.keys(fieldErrors).length > 0) {
    return { kind: "validation", message: "Check the highlighted fields.", code, fieldErrors };
  }
  const known = code ? DOMAIN_MESSAGES[code] : undefined;
  const message =
    known ?? (failure.status >= 500 ? UNKNOWN_MESSAGE : failure.message) ?? "That did not work. Try again.";
  return { kind: "domain", message, code, fieldErrors };
}

function network(): DescribedError {
  return { kind: "network", message: NETWORK_MESSAGE, code: null, fieldErrors: {} };
}

/** Field errors keyed by the dotted path of the input, so nested inputs (`options.bufferMinutes`) work too. */
function fieldErrorsFromIssues(zodError: NonNullable<ErrorData["zodError"]>): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  if (zodError.issues && zodError.issues.length > 0) {
    for (const issue of zodError.issues) {
      const key = Array.isArray(issue.path) ? issue.path.join(".") : issue.path;
      if (key === "") continue;
      result[key] = [...(result[key] ?? []), issue.message];
    }
    return result;
  }
  for (const [key, messages] of Object.entries(zodError.fieldErrors ?? {})) {
    if (messages && messages.length > 0) result[key] = messages;
  }
  return result;
}
