import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
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
  return new QueryClient({
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
