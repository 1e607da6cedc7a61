import { createDatabase, type Database } from "@agendacraft/db/client";
import { createTestDatabase, type TestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestServer, type TestServer } from "./testing/start-test-server.ts";
import { startTcpProxy, type TcpProxy } from "./testing/tcp-proxy.ts";

type Readiness = { ready: boolean; checks: { name: string; ok: boolean; detail?: string }[] };

async function readiness(server: TestServer): Promise<{ status: number; body: Readiness }> {
  const response = await fetch(`${server.url}/ready`);
  return { status: response.status, body: (await response.json()) as Readiness };
}

/** Polls until /ready reports `status`; the pool reconnects on its own schedule. */
function waitForReadiness(server: TestServer, status: number) {
  return vi.waitFor(
    async () => {
      const last = await readiness(server);
      expect(last.status).toBe(status);
      return last;
    },
    { timeout: 15_000, interval: 100 },
  );
}

describe("/ready while the database goes away and comes back", () => {
  let target: TestDatabase;
  let proxy: TcpProxy;
  let db: Database;
  let server: TestServer;

  beforeAll(async () => {
    target = await createTestDatabase();
    // The server reaches the database through a relay the test can cut, as a network
    // partition or a database restart would. (The test database's own client stays unused.)
    proxy = await startTcpProxy(target.url);
    db = await createDatabase({ url: proxy.url, poolMax: 1 });
    server = await startTestServer({ db: db.prisma });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await proxy?.close();
    await target?.close();
  });

  it("reports 503 naming the database while it is unreachable, then 200 again without a restart", async () => {
    expect((await readiness(server)).status).toBe(200);

    await proxy.cut();
    const down = await waitForReadiness(server, 503);
    expect(down.status).toBe(503);
    expect(down.body.ready).toBe(false);
    expect(down.body.checks.find((check) => check.name === "database")).toMatchObject({ ok: false });

    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);

    await proxy.restore();
    const back = await waitForReadiness(server, 200);
    expect(back.status).toBe(200);
    expect(back.body.ready).toBe(true);
  });
});
