import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnServer } from "../testing/spawn-server.ts";

// WEB_CONCURRENCY > 1 without DATABASE_URL: the embedded database is one session inside one
// process, so the server starts as one process and says so. Always embedded, whatever
// TEST_DATABASE_URL says (the PostgreSQL side is web-concurrency.pg.int.test.ts).

type LogLine = { level: number; msg: string; pid: number };

function logLines(stdout: string): LogLine[] {
  return stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogLine);
}

// A real process on a fresh embedded database (initdb, migrations); a busy 2-core machine needs the room.
describe("WEB_CONCURRENCY=2 on the embedded database", { timeout: 120_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "agendacraft-web-concurrency-"));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("starts one server process, serves, and logs a warning that says why and how to get more", async () => {
    const server = spawnServer({ DATA_DIR: join(dir, "db"), WEB_CONCURRENCY: "2" });
    try {
      const url = await server.listening;
      const response = await fetch(`${url}/ready`);
      expect(response.status).toBe(200);
      // One process: no worker to tell apart.
      expect(response.headers.get("x-worker")).toBeNull();

      const lines = logLines(server.stdout());
      const warning = lines.find((line) => line.msg.startsWith("WEB_CONCURRENCY=2 ignored"));
      expect(warning?.level).toBe(40);
      expect(warning?.msg).toMatch(/embedded database is one session inside one process/);
      expect(warning?.msg).toMatch(/set DATABASE_URL/);
      expect(new Set(lines.map((line) => line.pid)).size).toBe(1);
      expect(lines.some((line) => /HTTP workers?/.test(line.msg))).toBe(false);
    } finally {
      expect(await server.stop("SIGTERM")).toBe(0);
    }
  });
});
