import type { AppRouter } from "@agendacraft/api";
import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
} from "@trpc/client";
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

/** What a call may carry besides its input: `mutate(input, { context: { idempotencyKey } })`. */
export type AgendaCraftCallContext = {
  /**
   * Sent as the `Idempotency-Key` header on creates and `scheduler.plan.commit`: retrying the
   * call with the same key returns the first result instead of creating again. Use a new
   * random key (e.g. `crypto.randomUUID()`) per intended create and reuse it for its retries.
   */
  idempotencyKey?: string;
};

/**
 * The typed client for the web app and for scripts: batching and superjson, like the server.
 * A call with an `idempotencyKey` goes in a request of its own (a header belongs to the
 * whole request, so a batch would share it). Subscriptions (`notifier.notifications.onNew`)
 * go over Server-Sent Events with the runtime's EventSource: the browser's, which sends the
 * session cookie on the same origin.
 */
export function createAgendaCraftClient(options: AgendaCraftClientOptions) {
  const common = {
    url: options.url,
    transformer: superjson,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const baseHeaders = () => ({
    ...options.headers,
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
  });
  const keyOf = (context: Record<string, unknown>) => (context as AgendaCraftCallContext).idempotencyKey;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (operation) => operation.type === "subscription",
        true: httpSubscriptionLink({ url: options.url, transformer: superjson }),
        false: splitLink({
          condition: (operation) => typeof keyOf(operation.context) === "string",
          true: httpLink({
            ...common,
            headers: ({ op }) => ({ ...baseHeaders(), "idempotency-key": keyOf(op.context) as string }),
          }),
          false: httpBatchLink({ ...common, maxItems: MAX_BATCH_CALLS, headers: baseHeaders }),
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
