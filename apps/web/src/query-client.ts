import {
  type InvalidateOptions,
  type InvalidateQueryFilters,
  MutationCache,
  QueryCache,
  QueryClient,
} from "@tanstack/react-query";
import { isNetworkError, isUnauthorizedError } from "./errors/describe-error.ts";
import type { ConnectionStatus } from "./layout/connection-status.ts";

export type QueryClientHooks = {
  /** A call was refused because the session is gone (expired, revoked, signed out elsewhere). */
  onUnauthorized?: () => void;
  /** Told when calls stop or start reaching the server, for the retry banner. */
  connection?: ConnectionStatus;
};

/** The one place that decides retries and what every failed call means for the whole app. */
export function createQueryClient({ onUnauthorized, connection }: QueryClientHooks = {}) {
  const onError = (error: unknown) => {
    if (isNetworkError(error)) connection?.markOffline();
    else connection?.markOnline();
    if (isUnauthorizedError(error)) onUnauthorized?.();
  };
  const onSuccess = () => connection?.markOnline();
  return new ChangeAwareQueryClient({
    queryCache: new QueryCache({ onError, onSuccess }),
    mutationCache: new MutationCache({ onError, onSuccess }),
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // Only a lost connection is worth retrying; a refusal will be refused again.
        retry: (failureCount, error) => isNetworkError(error) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}

/**
 * A QueryClient whose invalidation is never lost. TanStack Query answers an invalidation of a
 * query whose first fetch is still in flight with that same fetch (it cancels only fetches
 * that would replace data already shown), and that fetch may have been read before the
 * change that invalidates it. On a busy machine a project created right after opening
 * Projects then stayed missing from the list. Such queries are fetched once more.
 */
export class ChangeAwareQueryClient extends QueryClient {
  override async invalidateQueries(filters?: InvalidateQueryFilters, options?: InvalidateOptions): Promise<void> {
    const firstFetchInFlight = new Set(
      this.getQueryCache()
        .findAll(filters)
        .filter((query) => query.state.data === undefined && query.state.fetchStatus === "fetching"),
    );
    await super.invalidateQueries(filters, options);
    if (firstFetchInFlight.size === 0) return;
    await this.refetchQueries({ type: "active", predicate: (query) => firstFetchInFlight.has(query) }, options);
  }
}
