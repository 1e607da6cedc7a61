import type { AgendaCraftClient } from "@agendacraft/client";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext } from "react";
import type { WebAuthClient } from "./auth/auth-client.ts";
import type { ConnectionStatus } from "./layout/connection-status.ts";
import { TRPCProvider } from "./trpc.ts";

type AppServices = { authClient: WebAuthClient; connection: ConnectionStatus };

const AppServicesContext = createContext<AppServices | null>(null);

type AppProvidersProps = {
  queryClient: QueryClient;
  trpcClient: AgendaCraftClient;
  authClient: WebAuthClient;
  connection: ConnectionStatus;
  children: ReactNode;
};

/** Everything a component needs to talk to the server; main.tsx and tests pass their own clients. */
export function AppProviders({ queryClient, trpcClient, authClient, connection, children }: AppProvidersProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider queryClient={queryClient} trpcClient={trpcClient}>
        <AppServicesContext.Provider value={{ authClient, connection }}>{children}</AppServicesContext.Provider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}

export function useAppServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error("useAppServices must be used inside <AppProviders>");
  return services;
}
