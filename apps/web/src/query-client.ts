import { QueryClient } from "@tanstack/react-query";

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Data such as health changes by the second; anything older than this is refetched on focus.
        staleTime: 5_000,
        retry: 1,
      },
    },
  });
}
