import type { AppRouter } from "@agendacraft/api";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";

/**
 * Calls per HTTP request: the server refuses larger batches (API_BATCH_MAX_CALLS,
 * default 10, `common.batch_too_large`), so more calls at once go out as several requests.
 */
export const MAX_BATCH_CALLS = 10;

export type AgendaCraftClientOptions = {
  /** The server's tRPC endpoint, e.g. `http://localhost:3000/trpc` (or `/trpc` in the browser). */
  url: string;
  /** A personal API token; sent as `Authorization: Bearer <token>`. Omit in the browser (the cookie is used). */
  token?: string;
  /** Replaces the global fetch (tests, proxies). */
  fetch?: typeof fetch;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
};

/**
 * The typed client for the web app and for scripts: batching and superjson, like the server.
 * Subscriptions (`notifier.notifications.onNew`) go over Server-Sent Events with the
 * runtime's EventSource: the browser's, which sends the session cookie on the same origin.
 */
export function createAgendaCraftClient(options: AgendaCraftClientOptions) {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (operation) => operation.type === "subscription",
        true: httpSubscriptionLink({ url: options.url, transformer: superjson }),
        false: httpBatchLink({
          url: options.url,
          transformer: superjson,
          maxItems: MAX_BATCH_CALLS,
          ...(options.fetch ? { fetch: options.fetch } : {}),
          headers: () => ({
            ...options.headers,
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          }),
        }),
      }),
    ],
  });
}

export type AgendaCraftClient = ReturnType<typeof createAgendaCraftClient>;

/** The stable domain code of a failed call (`scheduler.start_in_past`), or null. Branch on this, never on messages. */
export function domainErrorCode(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = error.data as { domainError?: { code?: string } | null } | undefined;
  return data?.domainError?.code ?? null;
}

export { TRPCClientError };
