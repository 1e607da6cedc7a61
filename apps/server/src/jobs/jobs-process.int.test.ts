import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedPostgres } from "@agendacraft/db/embedded";
import { createDurableStorage } from "@agendacraft/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnServer } from "../testing/spawn-server.ts";
import { spawnWorker } from "../testing/spawn-worker.ts";

// The server and `pnpm worker` as they run in production: own processes, real signals.

const serverUrl = process.env.TEST_DATABASE_URL;

// Migrated already: these tests are about the job queue, not a first start (process.int.test.ts).
const freshStorage = () => createDurableStorage({ migrated: true });

async function embeddedServer(): Promise<{ env: Record<string, string>; dispose(): Promise<void> }> {
  const embedded = await startEmbeddedPostgres();
  return { env: { DATABASE_URL: embedded.url, DATABASE_POOL_MAX: "1" }, dispose: () => embedded.close() };
}

function logMessages(stdout: string): string[] {
  return stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => String((JSON.parse(line) as { msg?: string }).msg));
}

type Readiness = { ready: boolean; checks: { name: string; ok: boolean }[] };

// Each test starts real processes (tsx, PGlite); a busy 2-core machine needs the room.
describe("the job queue in the server process", { timeout: 120_000 }, () => {
  let storage: Awaited<ReturnType<typeof freshStorage>>;

  beforeAll(async () => {
    storage = await freshStorage();
  });
  afterAll(async () => {
    await storage?.dispose();
  });

  it("starts the queue with inline workers, reports it on /ready and /metrics, and stops it on SIGTERM", async () => {
    const token = "process-metrics-token-0123456789";
    const server = spawnServer({ ...storage.env, METRICS_TOKEN: token });
    try {
      const url = await server.listening;
      expect(logMessages(server.stdout())).toContainEqual(
        expect.stringMatching(/^job queue started with \d+ worker\(s\)$/),
      );
      const response = await fetch(`${url}/ready`);
      const body = (await response.json()) as Readiness;
      expect(response.status).toBe(200);
      expect(body.checks.find((check) => check.name === "queue")).toMatchObject({ ok: true });

      // start-server.ts hands /metrics the app's pool and job queue.
      const metrics = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
      expect(metrics).toMatch(/^agendacraft_db_pool_max_connections\{database="(postgres|embedded)"\} \d+$/m);
      expect(metrics).toMatch(/^agendacraft_jobs\{queue="notifier\.task-starting",state="queued"\} \d+$/m);
      expect(metrics).toMatch(/^agendacraft_job_stats_up 1$/m);
    } finally {
      expect(await server.stop("SIGTERM")).toBe(0);
    }
    const messages = logMessages(server.stdout());
    expect(messages.indexOf("job queue stopped")).toBeLessThan(messages.indexOf("stopped cleanly"));
    expect(messages.indexOf("job queue stopped")).toBeGreaterThan(-1);
  });

  it("with WORKER=off still starts the queue (to send) but runs no workers", async () => {
    const server = spawnServer({ ...storage.env, WORKER: "off" });
    try {
      const url = await server.listening;
      expect(logMessages(server.stdout())).toContain("job queue started (workers off: enqueue only)");
      const body = (await (await fetch(`${url}/ready`)).json()) as Readiness;
      expect(body.checks.find((check) => check.name === "queue")).toMatchObject({ ok: true });
    } finally {
      expect(await server.stop("SIGTERM")).toBe(0);
    }
  });

  it("refuses to start with a bad WORKER", async () => {
    const server = spawnServer({ ...storage.env, WORKER: "maybe" });
    expect(await server.exited).toBe(1);
    expect(server.stderr().trim()).toBe('Invalid environment variable WORKER (got "maybe"): must be inline or off');
  });
});

// Each test starts real processes (tsx, PGlite); a busy 2-core machine needs the room.
describe("pnpm worker", { timeout: 120_000 }, () => {
  it("refuses to open the embedded database, which belongs to the server", async () => {
    const dir = await mkdtemp(join(tmpdir(), "agendacraft-worker-"));
    try {
      const worker = spawnWorker({ DATA_DIR: join(dir, "db") });
      expect(await worker.exited).toBe(1);
      expect(worker.stderr()).toMatch(/^pnpm worker needs DATABASE_URL/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  describe("on a PostgreSQL server", () => {
    let storage: Awaited<ReturnType<typeof freshStorage>>;

    beforeAll(async () => {
      // Without TEST_DATABASE_URL, an embedded PostgreSQL served over the wire protocol
      // stands in for the server; it takes a single connection, hence the pool of one.
      storage = serverUrl ? await freshStorage() : await embeddedServer();
    });
    afterAll(async () => {
      await storage?.dispose();
    });

    it("migrates, starts the queue without HTTP, and stops cleanly on SIGTERM", async () => {
      const worker = spawnWorker(storage.env);
      try {
        await worker.ready;
        expect(logMessages(worker.stdout())).toContainEqual(
          expect.stringMatching(/^job queue started with \d+ worker\(s\)$/),
        );
        expect(worker.stdout()).not.toMatch(/listening/i);
      } finally {
        expect(await worker.stop("SIGTERM")).toBe(0);
      }
      expect(logMessages(worker.stdout())).toContain("worker stopped cleanly");
      // Checked after the worker is gone: an embedded database takes one client at a time.
      const admin = new pg.Client({ connectionString: storage.env.DATABASE_URL });
      await admin.connect();
      try {
        const { rows } = await admin.query("SELECT version FROM pgboss.version");
        expect(rows).toHaveLength(1);
      } finally {
        await admin.end();
      }
    });
  });
});
