import { createAuthClient } from "better-auth/client";

/**
 * better-auth's own client for the /api/auth routes (sign up, sign in, sign out); every other
 * call goes through the typed tRPC client. `baseURL` is the server's origin.
 */
export function createWebAuthClient(options: {
  baseURL: string;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}) {
  return createAuthClient({
    baseURL: options.baseURL,
    basePath: "/api/auth",
    fetchOptions: {
      ...(options.headers ? { headers: options.headers } : {}),
      ...(options.fetch ? { customFetchImpl: options.fetch } : {}),
    },
  });
}

export type WebAuthClient = ReturnType<typeof createWebAuthClient>;
