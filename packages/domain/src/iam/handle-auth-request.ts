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
 * Runs one /api/auth request through better-auth. An unreachable database is thrown as
 * 503 `common.unavailable` (with Retry-After), whether the library let the driver's error
 * escape or answered its own 500 ("Failed to get session", which must not read as "signed
 * out"), so the server answers it like every other route. Other failures come back as
 * they were: thrown errors thrown, the library's 500 responses returned.
 */
export async function handleAuthRequest(auth: Auth, request: Request): Promise<Response> {
  const failures: unknown[] = [];
  const response = await failuresOfRequest
    .run(failures, () => auth.handler(request))
    .catch((error: unknown) => {
      throw isDatabaseUnavailableError(error) ? databaseUnavailableError(error) : error;
    });
  const unavailable = response.status >= 500 ? failures.find(isDatabaseUnavailableError) : undefined;
  if (unavailable) throw databaseUnavailableError(unavailable);
  return response;
}
