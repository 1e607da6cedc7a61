import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";
import { AppProviders } from "./app-providers.tsx";
import { createQueryClient } from "./query-client.ts";
import { createBrowserClient } from "./trpc.ts";
import "./styles.css";

const rootElement = document.getElementById("root");
if (!rootElement) throw new Error("index.html has no #root element");

// Created once, outside React, so re-renders never replace the clients or drop the cache.
const queryClient = createQueryClient();
const trpcClient = createBrowserClient();

createRoot(rootElement).render(
  <StrictMode>
    <AppProviders queryClient={queryClient} trpcClient={trpcClient}>
      <App />
    </AppProviders>
  </StrictMode>,
);
