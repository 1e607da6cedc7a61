import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { firstLoadBudget } from "./src/build-budget/first-load-budget.ts";

// The dev server forwards API traffic to the AgendaCraft server so the browser sees one
// origin, exactly as in production where the server hosts the built app itself.
const apiUrl = process.env.API_URL ?? "http://localhost:3000";

/**
 * The API refuses sign-ins and mutations from other origins. In development the page comes
 * from Vite's port, so the proxy presents the API's own origin; production needs no rewrite.
 */
const toApi = {
  target: apiUrl,
  configure(proxy: {
    on(event: "proxyReq", listener: (request: { setHeader(name: string, value: string): void }) => void): void;
  }) {
    proxy.on("proxyReq", (request) => request.setHeader("origin", new URL(apiUrl).origin));
  },
};

export default defineConfig({
  plugins: [react(), tailwindcss(), firstLoadBudget()],
  server: {
    port: 5173,
    proxy: { "/trpc": toApi, "/api": toApi, "/health": apiUrl, "/ready": apiUrl },
  },
  // The first load is React, the router, the query and tRPC clients and the inbox (~207 kB gzip,
  // held under FIRST_LOAD_BUDGET_KB by firstLoadBudget); the calendar and the other pages load
  // on first visit (see routes.tsx).
  build: { outDir: "dist", chunkSizeWarningLimit: 700 },
});
