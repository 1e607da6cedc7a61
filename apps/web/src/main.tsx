import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter } from "react-router";
import { App } from "./app.tsx";
import { AppProviders } from "./app-providers.tsx";
import { createWebAuthClient } from "./auth/auth-client.ts";
import { createSessionExpiryHandler } from "./auth/session-expiry.ts";
import { createConnectionStatus } from "./layout/connection-status.ts";
import { createQueryClient } from "./query-client.ts";
import { routes } from "./routes.tsx";
import { createBrowserClient } from "./trpc.ts";
import "./styles.css";

const rootElement = document.getElementById("root");
if (!rootElement) throw new Error("index.html has no #root element");

// Created once, outside React, so re-renders never replace the clients or drop the cache.
const connection = createConnectionStatus();
let router: ReturnType<typeof createBrowserRouter> | undefined;
const queryClient = createQueryClient({
  connection,
  onUnauthorized: () => expireSession(),
});
const expireSession = createSessionExpiryHandler(() => router, queryClient);
router = createBrowserRouter(routes);
const trpcClient = createBrowserClient();
const authClient = createWebAuthClient({ baseURL: window.location.origin });

createRoot(rootElement).render(
  <StrictMode>
    <AppProviders queryClient={queryClient} trpcClient={trpcClient} authClient={authClient} connection={connection}>
      <App router={router} />
    </AppProviders>
  </StrictMode>,
);
