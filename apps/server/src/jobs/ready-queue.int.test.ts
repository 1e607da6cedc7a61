import type { JobQueue } from "@agendacraft/db/jobs";
import { useTestDatabase } from "@agendacraft/db/testing";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/start-test-server.ts";
import { startJobQueue } from "./start-job-queue.ts";

type Readiness = { ready: boolean; checks: { name: string; ok: boolean; detail?: string }[] };

async function readiness(server: TestServer): Promise<{ status: number; body: Readiness }> {
  const response = await fetch(`${server.url}/ready`);
  return { status: response.status, body: (await response.json()) as Readiness };
}

describe("/ready with the job queue", () => {
  const database = useTestDatabase();
  let queue: JobQueue | undefined;
  let server: TestServer | undefined;

  afterAll(async () => {
    await server?.close();
    await queue?.stop();
  });

  it("reports the queue: ok while started, 503 naming it once stopped", async () => {
    queue = await startJobQueue({
      db: database(),
      log: pino({ level: "silent" }),
      definitions: () => [],
      work: true,
      stopTimeoutMs: 2_000,
    });
    server = await startTestServer({ db: database().prisma, jobs: queue });

    const up = await readiness(server);
    expect(up.status).toBe(200);
    expect(up.body.checks.find((check) => check.name === "queue")).toMatchObject({ ok: true });

    await queue.stop();
    const down = await readiness(server);
    expect(down.status).toBe(503);
    expect(down.body.checks.find((check) => check.name === "queue")).toMatchObject({
      ok: false,
      detail: "job queue is stopped",
    });
    expect(down.body.checks.find((check) => check.name === "database")).toMatchObject({ ok: true });
  });
});
