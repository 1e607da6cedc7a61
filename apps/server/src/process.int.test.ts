import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDurableStorage } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnServer } from "./testing/spawn-server.ts";

// The server as `pnpm start` runs it: its own process, real configuration, real signals.

// Each test starts real processes (tsx, PGlite); a busy 2-core machine needs the room.
describe("starting with bad configuration", { timeout: 120_000 }, () => {
  it("stops with exit code 1 and one line naming a bad PORT", async () => {
    const server = spawnServer({ PORT: "eighty" });
    expect(await server.exited).toBe(1);
    expect(server.stderr().trim()).toBe(
      'Invalid environment variable PORT (got "eighty"): must be a port number from 0 to 65535',
    );
  });

  it("stops with exit code 1 and one line naming a bad DATABASE_URL", async () => {
    const server = spawnServer({ DATABASE_URL: "mysql://root:hunter2@localhost/app" });
    expect(await server.exited).toBe(1);
    expect(server.stderr().trim()).toBe("Invalid environment variable DATABASE_URL: must be a postgresql:// URL");
  });

  it("stops with exit code 1 when the database cannot be reached", async () => {
    const server = spawnServer({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nowhere" });
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toMatch(/^Could not open the database: /);
    expect(server.stderr().trim().split("\n")).toHaveLength(1);
  });
});

const freshStorage = createDurableStorage;

async function json(url: string) {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function logMessages(stdout: string): string[] {
  return stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => String((JSON.parse(line) as { msg?: string }).msg));
}

// Each test starts real processes (tsx, PGlite); a busy 2-core machine needs the room.
describe("two starts in a row on the same database", { timeout: 120_000 }, () => {
  let storage: Awaited<ReturnType<typeof freshStorage>>;
  let webDir: string;

  beforeAll(async () => {
    storage = await freshStorage();
    webDir = await mkdtemp(join(tmpdir(), "agendacraft-web-"));
    await writeFile(join(webDir, "index.html"), "<!doctype html><title>AgendaCraft</title>");
  });
  afterAll(async () => {
    await storage?.dispose();
    if (webDir) await rm(webDir, { recursive: true, force: true });
  });

  it("migrates on the first start only, keeps its data, and stops cleanly on SIGTERM", async () => {
    const env = { ...storage.env, WEB_DIST_DIR: webDir };

    const first = spawnServer(env);
    const firstUrl = await first.listening;
    const migrationFolders = (
      await readdir(new URL("../../../prisma/migrations/", import.meta.url), { withFileTypes: true })
    )
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(logMessages(first.stdout())).toContain(`applied ${migrationFolders.length} migration(s)`);
    expect((await json(`${firstUrl}/ready`)).status).toBe(200);
    expect(await (await fetch(`${firstUrl}/`)).text()).toContain("<title>AgendaCraft</title>");
    const installed = await json(`${firstUrl}/trpc/meta.version`);
    const instanceId = (installed.body as { result: { data: { json: { instanceId: string } } } }).result.data.json
      .instanceId;

    // A request still being received when SIGTERM arrives is answered before the process exits.
    // "Expect: 100-continue" makes the server say when it has the request's headers; the
    // body follows only once the server logged that it is shutting down.
    const req = request(`${firstUrl}/trpc/meta.health`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": "2", expect: "100-continue" },
    });
    const headersReceived = new Promise<void>((resolve) => req.once("continue", () => resolve()));
    const inFlight = new Promise<number | undefined>((resolve, reject) => {
      req.on("response", (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      req.on("error", reject);
    });
    req.flushHeaders();
    await headersReceived;
    const exitCode = first.stop("SIGTERM");
    await first.waitForOutput(/shutting down: finishing in-flight requests/, "shutting down");
    req.end("{}");
    expect(await inFlight).toBe(405);
    expect(await exitCode).toBe(0);
    expect(logMessages(first.stdout())).toContain("stopped cleanly");

    const second = spawnServer(env);
    const secondUrl = await second.listening;
    try {
      expect(logMessages(second.stdout())).toContain("database schema is up to date");
      const again = await json(`${secondUrl}/trpc/meta.version`);
      expect((again.body as { result: { data: { json: { instanceId: string } } } }).result.data.json.instanceId).toBe(
        instanceId,
      );
    } finally {
      expect(await second.stop("SIGINT")).toBe(0);
    }
  });
});
