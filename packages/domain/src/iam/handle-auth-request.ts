import { isDatabaseUnavailableError } from "../shared/database-unavailable.ts";
import { databaseUnavailableError } from "../shared/errors.ts";
import type { Auth } from "./create-auth.ts";
import { collectAuthFailures } from "./record-auth-failure.ts";

/**
 * Runs one /api/auth request through better-auth. An unreachable database is thrown as
 * 503 `common.unavailable` (with Retry-After), whether the library let the driver's error
 * escape or answered its own 500 ("Failed to get session", which must not read as "signed
 * out"), so the server answers it like every other route. Other failures come back as
 * they were: thrown errors thrown, the library's 500 responses returned.
 */
export async function handleAuthRequest(auth: Auth, request: Request): Promise<Response> {
  const failures: unknown[] = [];
  const response = await collectAuthFailures(failures, () => auth.handler(request)).catch((error: unknown) => {
    throw isDatabaseUnavailableError(error) ? databaseUnavailableError(error) : error;
  });
  const unavailable = response.status >= 500 ? failures.find(isDatabaseUnavailableError) : undefined;
  if (unavailable) throw databaseUnavailableError(unavailable);
  return response;
}
