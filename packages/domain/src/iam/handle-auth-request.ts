import { AsyncLocalStorage } from "node:async_hooks";
import { isDatabaseUnavailableError } from "../shared/database-unavailable.ts";
import { databaseUnavailableError } from "../shared/errors.ts";
import type { Auth } from "./create-auth.ts";

/** The failures better-auth turned into responses while one request ran. */
const failuresOfRequest = new AsyncLocalStorage<unknown[]>();

/**
 * For better-auth's `hooks.after`, with what an endpoint returned: the library answers its
 * own failures with a 500 response (a database that is down becomes "Failed to get
 * session"), so the original error is kept for `handleAuthRequest`. Refusals (4xx) and
 * results are not failures. (Errors an endpoint throws instead leave `auth.handler` itself,
 * with `onAPIError.throw`.)
 */
export function recordAuthFailure(returned: unknown): void {
  if (!(returned instanceof Error)) return;
  const statusCode = (returned as { statusCode?: unknown }).statusCode;
  if (returned.name === "APIError" && typeof statusCode === "number" && statusCode < 500) return;
  failuresOfRequest.getStore()?.push(returned);
}

/**
 * Runs one /api/auth request through better-auth. A failure is thrown instead of returned,
 * so the server answers it like every other route: an unreachable database as 503
 * `common.unavailable` with Retry-After, anything else as a logged, generic 500 (never the
 * driver's message, and never an empty session, which would sign the person out).
 */
export async function handleAuthRequest(auth: Auth, request: Request): Promise<Response> {
  const failures: unknown[] = [];
  let response: Response;
  try {
    response = await failuresOfRequest.run(failures, () => auth.handler(request));
  } catch (error) {
    throw escalate(error);
  }
  if (response.status >= 500 && failures.length > 0) {
    throw escalate(failures.find(isDatabaseUnavailableError) ?? failures[0]);
  }
  return response;
}

function escalate(error: unknown): Error {
  if (isDatabaseUnavailableError(error)) return databaseUnavailableError(error);
  return new Error("authentication request failed", { cause: error });
}
