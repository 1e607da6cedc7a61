import { createTestDatabase, type TestDatabase } from "@agendacraft/db/testing";
import { startTestServer, type TestServer } from "@agendacraft/server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExitCode } from "../lib/exit-codes.ts";
import { healthCommand } from "./health.ts";

describe("ac health against a running server", () => {
  let database: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer({ db: database.prisma });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it("prints version, instance and every readiness check, and exits 0 when ready", async () => {
    const lines: string[] = [];
    const code = await healthCommand({ baseUrl: server.url, print: (line) => lines.push(line) });
    expect(code).toBe(ExitCode.ok);
    const output = lines.join("\n");
    expect(output).toContain("0.0.0-test");
    expect(output).toMatch(/database/);
    expect(output).toMatch(/migrations/);
    expect(output).toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });

  it("exits 2 and shows the failing check when the server answers but is not ready", async () => {
    const degraded = await startTestServer({
      db: database.prisma,
      readinessProbes: [{ name: "queue", run: () => Promise.reject(new Error("queue is not running")) }],
    });
    try {
      const lines: string[] = [];
      const code = await healthCommand({ baseUrl: degraded.url, print: (line) => lines.push(line) });
      expect(code).toBe(ExitCode.notReady);
      expect(lines.join("\n")).toContain("queue is not running");
    } finally {
      await degraded.close();
    }
  });
});
