import { AsyncLocalStorage } from "node:async_hooks";

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

/** Runs one request's work, collecting into `failures` what `recordAuthFailure` sees meanwhile. */
export function collectAuthFailures<T>(failures: unknown[], work: () => Promise<T>): Promise<T> {
  return failuresOfRequest.run(failures, work);
}
