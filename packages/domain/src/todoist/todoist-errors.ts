import { DomainError } from "../shared/errors.ts";

/** A Todoist procedure that needs a connection, called without one. */
export function todoistNotConnected(): DomainError {
  return new DomainError({
    kind: "NOT_FOUND",
    code: "todoist.not_connected",
    message: "Todoist is not connected. Connect it in Settings → Connections first.",
  });
}

/** The pasted token was refused by Todoist (GET /api/v1/user answered 401 or 403). */
export function todoistTokenInvalid(cause?: unknown): DomainError {
  return new DomainError({
    kind: "INVALID",
    code: "todoist.token_invalid",
    message:
      "Todoist did not accept that token. Copy it again from Todoist: Settings → Integrations → Developer → API token.",
    details: { field: "apiToken" },
    cause,
  });
}

/** The server has no TODOIST_CLIENT_ID / TODOIST_CLIENT_SECRET: only a pasted token connects. */
export function todoistOAuthNotConfigured(): DomainError {
  return new DomainError({
    kind: "UNAVAILABLE",
    code: "todoist.oauth_not_configured",
    message:
      "This server is not set up to sign in to Todoist. Paste a personal API token instead, or ask its administrator to set TODOIST_CLIENT_ID and TODOIST_CLIENT_SECRET.",
  });
}

/** Todoist answered 5xx or could not be reached; `reason` is in words and never holds a token. */
export function todoistUnavailable(reason: string, cause?: unknown): DomainError {
  return new DomainError({
    kind: "UNAVAILABLE",
    code: "todoist.unavailable",
    message: `Todoist could not be reached (${reason}). Please try again in a few minutes.`,
    cause,
  });
}

/** Todoist answered 429; Retry-After is passed on. */
export function todoistRateLimited(retryAfterSeconds: number, cause?: unknown): DomainError {
  return new DomainError({
    kind: "RATE_LIMITED",
    code: "todoist.rate_limited",
    message: "Todoist asked us to slow down. Please try again in a minute.",
    details: { retryAfterSeconds },
    cause,
  });
}

/** The stored token no longer works (revoked in Todoist, or the refresh failed). */
export function todoistNeedsReconnect(cause?: unknown): DomainError {
  return new DomainError({
    kind: "CONFLICT",
    code: "todoist.needs_reconnect",
    message: "Todoist no longer accepts AgendaCraft's access. Connect Todoist again in Settings → Connections.",
    cause,
  });
}
