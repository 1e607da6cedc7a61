import { createAgendaCraftClient } from "@agendacraft/client";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { Toaster } from "sonner";
import { AppProviders } from "../app-providers.tsx";
import { createWebAuthClient } from "../auth/auth-client.ts";
import { createConnectionStatus } from "../layout/connection-status.ts";
import { createQueryClient } from "../query-client.ts";
import { APP_ORIGIN, apiUrl } from "./sign-up.ts";

/**
 * One component with the app's real providers (clients to the test server, a router, toasts),
 * for states a real account cannot easily be put in (a revoked Google grant, a failing sync).
 */
export function renderWithProviders(ui: ReactNode, { cookie, url = apiUrl() }: { cookie?: string; url?: string } = {}) {
  const headers = { origin: APP_ORIGIN, ...(cookie ? { cookie } : {}) };
  const connection = createConnectionStatus();
  const queryClient = createQueryClient({ connection, onUnauthorized: () => {} });
  const trpcClient = createAgendaCraftClient({ url: `${url}/trpc`, headers });
  const authClient = createWebAuthClient({ baseURL: url, headers });
  const router = createMemoryRouter([
    {
      path: "*",
      element: (
        <>
          {ui}
          <Toaster />
        </>
      ),
    },
  ]);
  return render(
    <AppProviders queryClient={queryClient} trpcClient={trpcClient} authClient={authClient} connection={connection}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}
