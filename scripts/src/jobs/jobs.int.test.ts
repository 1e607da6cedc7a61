import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, type Database } from "@agendacraft/db/client";
import { createJobQueue } from "@agendacraft/db/jobs";
import { anyJobType } from "@agendacraft/db/jobs/testing";
import {
  createDurableStorage,
  createTestDatabase,
  type DurableStorage,
  type TestDatabase,
} from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { recordOutput } from "../testing/record-output.ts";
import { deadLettersCommand } from "./dead-letters-command.ts";
import { retryCommand } from "./retry-command.ts";

const ENTRY = fileURLToPath(new URL("./jobs.ts", import.meta.url));
const SCRIPTS_DIR = fileURLToPath(new URL("../../", import.meta.url));

/** Makes one job fail for good on `test.fails`; resolves with the dead letter's id. */
async function produceDeadLetter(db: Pick<Database, "pool">, taskId: string): Promise<string> {
  const queue = createJobQueue({ pool: db.pool, stopTimeoutMs: 2_000 });
  try {
    await queue.start();
    await queue.defineQueue("test.fails", { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 30 });
    await queue.work(
      "test.fails",
      async () => {
        throw new Error("boom: the mail server said no");
      },
      { pollingIntervalSeconds: 0.5 },
    );
    await queue.send(anyJobType("test.fails"), { taskId });
    // The job is polled every 0.5 s; the wait leaves room for a busy machine.
    return await vi.waitFor(
      async () => {
        const [letter] = (await queue.listDeadLetters({ queue: "test.fails" })).filter(
          (each) => (each.data as { taskId?: string }).taskId === taskId,
        );
        expect(letter).toBeDefined();
        return letter?.id as string;
      },
      { timeout: 15_000, interval: 50 },
    );
  } finally {
    await queue.stop();
  }
}

function runJobs(args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", ENTRY, ...args],
      { cwd: SCRIPTS_DIR, env: { PATH: process.env.PATH ?? "", CHECKPOINT_DISABLE: "1", ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout, err: stderr });
      },
    );
  });
}

describe("dead-letter commands", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("lists a dead letter, re-queues it once, and then lists none", async () => {
    const id = await produceDeadLetter(database, "t-1");
    const jobs = createJobQueue({ pool: database.pool });

    const listed = recordOutput();
    expect(await deadLettersCommand({ jobs, queue: "test.fails", print: listed.print })).toBe(0);
    expect(listed.out[0]).toMatch(/^ID\s+QUEUE\s+FAILED AT\s+LAST ERROR\s+DATA$/);
    expect(listed.out[1]).toContain(id);
    expect(listed.out[1]).toContain("test.fails");
    expect(listed.out[1]).toContain("boom: the mail server said no");
    expect(listed.out[1]).toContain('{"taskId":"t-1"}');
    expect(listed.out.at(-1)).toBe("1 dead letter(s), newest first. Re-queue one with: pnpm jobs retry <id>");

    const retried = recordOutput();
    expect(await retryCommand({ jobs, id, ...retried })).toBe(0);
    expect(retried.out).toEqual([
      `Re-queueing dead letter ${id}...`,
      expect.stringMatching(/^Done: it runs again on test\.fails as job [0-9a-f-]{36}\.$/),
    ]);

    const again = recordOutput();
    expect(await retryCommand({ jobs, id, ...again })).toBe(1);
    expect(again.err[0]).toMatch(/^Could not re-queue it: no dead letter with id /);

    const none = recordOutput();
    expect(await deadLettersCommand({ jobs, queue: "test.fails", print: none.print })).toBe(0);
    expect(none.out).toEqual(["No dead letters on test.fails."]);
  });
});

// Each test runs the script in its own process (tsx, and an embedded database; the one the
// server never started on is started from scratch): a busy 2-core machine needs the room.
describe("pnpm jobs", { timeout: 120_000 }, () => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let dir: string;
  let database: TestDatabase | undefined;
  let storage: DurableStorage | undefined;
  let env: Record<string, string>;
  let id: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "agendacraft-jobs-cli-"));
    if (serverUrl) {
      database = await createTestDatabase();
      env = { DATABASE_URL: database.url };
      id = await produceDeadLetter(database, "t-2");
      return;
    }
    // The embedded database belongs to one process: fill it, close it, then run the script on it.
    storage = await createDurableStorage({ migrated: true });
    env = storage.env;
    const db = await createDatabase({ dataDir: env.DATA_DIR });
    try {
      id = await produceDeadLetter(db, "t-2");
    } finally {
      await db.close();
    }
  });
  afterAll(async () => {
    await database?.close();
    await storage?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("lists dead letters and re-queues one from the command line", async () => {
    const listed = await runJobs(["dead-letters", "--queue", "test.fails"], env);
    expect(listed.err).toBe("");
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(id);
    expect(listed.out).toContain('{"taskId":"t-2"}');

    const retried = await runJobs(["retry", id], env);
    expect(retried.code).toBe(0);
    expect(retried.out).toMatch(/Done: it runs again on test\.fails as job /);

    const none = await runJobs(["dead-letters"], env);
    expect(none.out).toContain("No dead letters.");
  });

  it("explains usage, and a database the server never started on", async () => {
    const usage = await runJobs(["retry"], env);
    expect(usage.code).toBe(1);
    expect(usage.err).toMatch(/^Usage: pnpm jobs dead-letters/);

    const empty = serverUrl ? await createTestDatabase() : undefined;
    try {
      const fresh = await runJobs(
        ["dead-letters"],
        empty ? { DATABASE_URL: empty.url } : { DATA_DIR: join(dir, "fresh-db") },
      );
      expect(fresh.code).toBe(1);
      expect(fresh.err.trim()).toBe("This database has no job queue yet: the server creates it when it first starts.");
    } finally {
      await empty?.close();
    }
  });
});
