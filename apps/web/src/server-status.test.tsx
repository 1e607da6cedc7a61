// @vitest-environment jsdom
import { createAgendaCraftClient } from "@agendacraft/client";
import { QueryClient } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { AppProviders } from "./app-providers.tsx";
import { ServerStatus } from "./server-status.tsx";

const CANNED: Record<string, unknown> = {
  "meta.health": { status: "ok", version: "1.4.2", uptimeSeconds: 125, time: "2025-01-01T00:00:00.000Z" },
  "meta.ready": {
    ready: true,
    checks: [
      { name: "database", ok: true, latencyMs: 2 },
      { name: "migrations", ok: true, latencyMs: 5 },
    ],
  },
};

/**
 * Answers like the server's batch endpoint: one superjson envelope per procedure named in the
 * path, in that order. Plain JSON values serialize to `{ json }` alone; superjson adds `meta` only
 * for Dates, Maps and the like, which these DTOs deliberately do not contain.
 */
async function serverFetch(input: RequestInfo | URL): Promise<Response> {
  const url = new URL(String(input), "http://localhost");
  const paths = decodeURIComponent(url.pathname.replace(/^\/trpc\//, "")).split(",");
  const body = paths.map((path) => {
    if (!(path in CANNED)) throw new Error(`no canned answer for ${path}`);
    return { result: { data: { json: CANNED[path] } } };
  });
  return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
}

function renderWithFetch(fetch: typeof globalThis.fetch) {
  // No retries: a failure should show at once instead of after the client's backoff.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const trpcClient = createAgendaCraftClient({ url: "/trpc", fetch });
  return render(
    <AppProviders queryClient={queryClient} trpcClient={trpcClient}>
      <ServerStatus />
    </AppProviders>,
  );
}

afterEach(() => {
  cleanup();
});

describe("ServerStatus", () => {
  it("shows the version, uptime and each readiness check", async () => {
    renderWithFetch(serverFetch);

    expect(screen.getByRole("status").textContent).toMatch(/checking the server/i);
    expect(await screen.findByText("1.4.2")).toBeDefined();
    expect(screen.getByText("2m 05s")).toBeDefined();
    expect(screen.getByRole("heading", { name: "Readiness: ready" })).toBeDefined();
    const checks = screen.getAllByRole("listitem").map((item) => item.textContent);
    expect(checks).toEqual(["database ok", "migrations ok"]);
  });

  it("says the server cannot be reached and recovers on Retry", async () => {
    let serverUp = false;
    renderWithFetch((input) => (serverUp ? serverFetch(input) : Promise.reject(new TypeError("Failed to fetch"))));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/cannot reach the server/i);

    serverUp = true;
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));

    expect(await screen.findByText("1.4.2")).toBeDefined();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
