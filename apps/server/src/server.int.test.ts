import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAgendaCraftClient } from "@agendacraft/client";
import { createTestDatabase, type TestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./testing/start-test-server.ts";

describe("the HTTP server", () => {
  let database: TestDatabase;
  let server: TestServer;
  let webDir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    webDir = await mkdtemp(join(tmpdir(), "agendacraft-web-"));
    await writeFile(join(webDir, "index.html"), "<!doctype html><title>AgendaCraft</title><div id=root></div>");
    await writeFile(join(webDir, "app.js"), "console.log('app')");
    server = await startTestServer({
      db: database.prisma,
      env: { WEB_DIST_DIR: webDir, CORS_ORIGINS: "https://app.example.com", BODY_LIMIT_BYTES: "2048" },
    });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    if (webDir) await rm(webDir, { recursive: true, force: true });
  });

  it("answers GET /health with liveness", async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", version: "0.0.0-test", uptimeSeconds: 120 });
  });

  it("answers GET /ready with 200 and each check when the database is migrated", async () => {
    const response = await fetch(`${server.url}/ready`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ready: boolean; checks: { name: string; ok: boolean }[] };
    expect(body.ready).toBe(true);
    expect(body.checks.map((check) => check.name)).toEqual(["database", "migrations"]);
  });

  it("serves the meta procedures to the typed client, batched", async () => {
    const client = createAgendaCraftClient({ url: `${server.url}/trpc` });
    const [health, ready, version] = await Promise.all([
      client.meta.health.query(),
      client.meta.ready.query(),
      client.meta.version.query(),
    ]);
    expect(health.status).toBe("ok");
    expect(ready.ready).toBe(true);
    expect(version.instanceId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("returns invalid input as BAD_REQUEST with zod field errors, never a 500", async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { unexpected: true } }));
    const response = await fetch(`${server.url}/trpc/meta.health?input=${input}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { json: { data: Record<string, unknown> } } };
    expect(body.error.json.data).toMatchObject({ code: "BAD_REQUEST", domainError: null });
    expect(body.error.json.data.zodError).not.toBeNull();
    expect(body.error.json.data).not.toHaveProperty("stack");
  });

  it("echoes a caller's request id, or makes one, and logs each request once with it", async () => {
    const echoed = await fetch(`${server.url}/health`, { headers: { "x-request-id": "trace-abc-123" } });
    expect(echoed.headers.get("x-request-id")).toBe("trace-abc-123");
    const generated = await fetch(`${server.url}/health?verbose=1`);
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    const line = server.logLines().find((entry) => entry.requestId === "trace-abc-123");
    expect(line).toMatchObject({ method: "GET", path: "/health", status: 200, msg: "request completed" });
    expect(typeof line?.durationMs).toBe("number");
    expect(server.logText()).not.toContain("verbose=1");
  });

  it("never writes credentials from headers to the log", async () => {
    await fetch(`${server.url}/trpc/meta.health`, {
      headers: { authorization: "Bearer tok_supersecret_123", cookie: "better-auth.session_token=cookie_secret_456" },
    });
    const logs = server.logText();
    expect(logs).not.toContain("tok_supersecret_123");
    expect(logs).not.toContain("cookie_secret_456");
  });

  it("sets security headers", async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });

  it("allows cross-origin calls only from configured origins", async () => {
    const allowed = await fetch(`${server.url}/trpc/meta.health`, { headers: { origin: "https://app.example.com" } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");
    const denied = await fetch(`${server.url}/trpc/meta.health`, { headers: { origin: "https://evil.example" } });
    expect(denied.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("refuses a request body over the limit with 413", async () => {
    const response = await fetch(`${server.url}/trpc/meta.health`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ padding: "x".repeat(4096) }),
    });
    expect(response.status).toBe(413);
  });

  it("serves the web app at / and falls back to it for client-side routes", async () => {
    const root = await fetch(`${server.url}/`);
    expect(root.status).toBe(200);
    expect(await root.text()).toContain("<title>AgendaCraft</title>");
    const asset = await fetch(`${server.url}/app.js`);
    expect(await asset.text()).toContain("console.log");
    const deepLink = await fetch(`${server.url}/week/2026-06-01`);
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toContain("<title>AgendaCraft</title>");
  });

  it("answers unknown API paths with a JSON 404, not the web page", async () => {
    const response = await fetch(`${server.url}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "common.not_found" });
    const unknownProcedure = await fetch(`${server.url}/trpc/meta.nothing`);
    expect(unknownProcedure.status).toBe(404);
  });
});
