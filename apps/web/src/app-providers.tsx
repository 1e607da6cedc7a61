import type { AgendaCraftClient } from "@agendacraft/client";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { TRPCProvider } from "./trpc.ts";

type AppProvidersProps = {
  queryClient: QueryClient;
  trpcClient: AgendaCraftClient;
  children: ReactNode;
};

/** Everything a component needs to talk to the server; main.tsx and tests pass their own clients. */
export function AppProviders({ queryClient, trpcClient, children }: AppProvidersProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider queryClient={queryClient} trpcClient={trpcClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
