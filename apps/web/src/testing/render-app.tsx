import { createAgendaCraftClient } from "@agendacraft/client";
import { render } from "@testing-library/react";
import { createMemoryRouter } from "react-router";
import { App } from "../app.tsx";
import { AppProviders } from "../app-providers.tsx";
import { createWebAuthClient } from "../auth/auth-client.ts";
import { createSessionExpiryHandler } from "../auth/session-expiry.ts";
import { createConnectionStatus } from "../layout/connection-status.ts";
import { createQueryClient } from "../query-client.ts";
import { routes } from "../routes.tsx";
import { APP_ORIGIN, apiUrl } from "./sign-up.ts";

type RenderAppOptions = {
  /** The server's base URL; defaults to the test server of this run. */
  url?: string;
  /** The session cookie; omit to render signed out. */
  cookie?: string;
  /** Where the app starts, e.g. "/inbox". */
  path?: string;
  /** Replaces fetch for both clients, e.g. to simulate a lost connection. */
  fetch?: typeof fetch;
};

/**
 * The whole app (routes, providers, toasts) in jsdom, wired exactly like main.tsx but with an
 * in-memory router and clients that send the test's cookie to the real test server.
 */
export function renderApp({ url = apiUrl(), cookie, path = "/inbox", fetch }: RenderAppOptions = {}) {
  const headers = { origin: APP_ORIGIN, ...(cookie ? { cookie } : {}) };
  const connection = createConnectionStatus();
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createQueryClient({ connection, onUnauthorized: () => expire() });
  const expire = createSessionExpiryHandler(() => router, queryClient);
  const trpcClient = createAgendaCraftClient({ url: `${url}/trpc`, headers, ...(fetch ? { fetch } : {}) });
  const authClient = createWebAuthClient({ baseURL: url, headers, ...(fetch ? { fetch } : {}) });
  const view = render(
    <AppProviders queryClient={queryClient} trpcClient={trpcClient} authClient={authClient} connection={connection}>
      <App router={router} />
    </AppProviders>,
  );
  return { ...view, router, queryClient, trpcClient };
}
