import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "./create-database.ts";
import { listPendingMigrations } from "./migrations/pending-migrations.ts";

// Each test starts an embedded database from scratch (initdb, then every migration, in
// WebAssembly): seconds on an idle machine, far more on a busy 2-core one.
describe("createDatabase (embedded)", { timeout: 120_000 }, () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("creates the data directory on first start, keeps data across restarts and migrates once", async () => {
    const parent = await mkdtemp(join(tmpdir(), "agendacraft-db-"));
    dirs.push(parent);
    const dataDir = join(parent, "nested", "db");

    const firstStart = await createDatabase({ dataDir, migrate: true });
    expect(firstStart.mode).toBe("embedded");
    expect(firstStart.appliedMigrations.length).toBeGreaterThan(0);
    await firstStart.prisma.appMeta.create({ data: { key: "survives", value: "yes" } });
    await firstStart.close();

    const secondStart = await createDatabase({ dataDir, migrate: true });
    try {
      expect(secondStart.appliedMigrations).toEqual([]);
      expect(await listPendingMigrations(secondStart.prisma)).toEqual([]);
      const row = await secondStart.prisma.appMeta.findUnique({ where: { key: "survives" } });
      expect(row?.value).toBe("yes");
      const [{ count }] = await secondStart.prisma.$queryRawUnsafe<[{ count: bigint }]>(
        "SELECT count(*) AS count FROM _prisma_migrations",
      );
      expect(Number(count)).toBe(firstStart.appliedMigrations.length);
    } finally {
      await secondStart.close();
    }
  });

  it("reports pending migrations on a database that was opened without migrating", async () => {
    const db = await createDatabase({ dataDir: "memory://" });
    try {
      expect((await listPendingMigrations(db.prisma)).length).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  });
});
