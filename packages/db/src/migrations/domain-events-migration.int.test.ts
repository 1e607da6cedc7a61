import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../embedded/start-embedded-postgres.ts";
import { migrationsDir } from "../paths.ts";
import { createDurableStorage } from "../testing/durable-storage.ts";
import { applyMigrations } from "./apply-migrations.ts";

const MIGRATION = "20261201130000_domain_events";
const USER = "0190a000-0000-7000-8000-000000000001";
const [KEPT, EDITED, REMINDED] = ["a1", "a2", "a3"].map((n) => `0190a000-0000-7000-8000-0000000000${n}`);

// The migration as a deployment meets it: rows written by the code before it, then the migration.
describe(`migration ${MIGRATION}`, { timeout: 120_000 }, () => {
  let url: string;
  let dispose: () => Promise<void>;
  let before: string;

  beforeAll(async () => {
    if (process.env.TEST_DATABASE_URL) {
      const storage = await createDurableStorage();
      url = storage.env.DATABASE_URL as string;
      dispose = () => storage.dispose();
    } else {
      const embedded = await startEmbeddedPostgres();
      url = embedded.url;
      dispose = () => embedded.close();
    }
    // The history up to the one before this migration.
    before = await mkdtemp(join(tmpdir(), "agendacraft-migrations-"));
    for (const entry of await readdir(migrationsDir)) {
      if (entry < MIGRATION || entry === "migration_lock.toml")
        await cp(join(migrationsDir, entry), join(before, entry), { recursive: true });
    }
  });
  afterAll(async () => {
    await dispose?.();
    if (before) await rm(before, { recursive: true, force: true });
  });

  it("keeps the reminders' job ids, turns undo's timestamps into versions, and versions every later write", async () => {
    await applyMigrations(url, before);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`
        INSERT INTO users (id, name, email, "updatedAt") VALUES ('${USER}', 'Ada', 'ada@example.com', now());
        INSERT INTO tasks (id, "userId", summary, "order", "updatedAt", "startTime", "startJobId") VALUES
          ('${KEPT}', '${USER}', 'kept', 1, '2026-06-01 09:00+00', '2026-06-02 09:00+00', NULL),
          ('${EDITED}', '${USER}', 'edited since', 2, '2026-06-01 10:00+00', '2026-06-02 10:00+00', NULL),
          ('${REMINDED}', '${USER}', 'reminded', 3, '2026-06-01 09:00+00', '2026-06-03 09:00+00', 'job-1');
        INSERT INTO plan_runs (id, "userId", options, "placedCount", "unplacedCount") VALUES
          ('0190a000-0000-7000-8000-0000000000c1', '${USER}', '{}', 2, 0);
        INSERT INTO plan_run_changes (id, "runId", "taskId", "newStart", "newEnd", explanation, "appliedAt") VALUES
          ('0190a000-0000-7000-8000-0000000000d1', '0190a000-0000-7000-8000-0000000000c1', '${KEPT}', now(), now(), 'x', '2026-06-01 09:00+00'),
          ('0190a000-0000-7000-8000-0000000000d2', '0190a000-0000-7000-8000-0000000000c1', '${EDITED}', now(), now(), 'x', '2026-06-01 09:00+00');
      `);
      expect(await applyMigrations(url)).toContain(MIGRATION);

      const rows = async (text: string) => (await client.query(text)).rows;
      expect(await rows(`SELECT "taskId", "jobId" FROM task_reminders`)).toEqual([
        { taskId: REMINDED, jobId: "job-1" },
      ]);
      expect(await rows(`SELECT "taskId", "appliedVersion" FROM plan_run_changes ORDER BY id`)).toEqual([
        { taskId: KEPT, appliedVersion: 1 },
        { taskId: EDITED, appliedVersion: 0 },
      ]);
      await client.query(`UPDATE tasks SET summary = 'changed' WHERE id = '${KEPT}'`);
      await client.query(`UPDATE planners SET name = name`);
      expect(await rows(`SELECT id, version FROM tasks ORDER BY "order"`)).toEqual([
        { id: KEPT, version: 2 },
        { id: EDITED, version: 1 },
        { id: REMINDED, version: 1 },
      ]);
    } finally {
      await client.end();
    }
  });
});
