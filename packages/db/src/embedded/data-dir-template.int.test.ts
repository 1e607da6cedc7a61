import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "../create-database.ts";
import { applyMigrations } from "../migrations/apply-migrations.ts";
import { listPendingMigrations } from "../migrations/pending-migrations.ts";
import { migrationNames } from "../migrations/read-migrations.ts";
import { migrationsDir } from "../paths.ts";
import { dataDirTemplatePath } from "./data-dir-template.ts";
import { startEmbeddedPostgres } from "./start-embedded-postgres.ts";

// Each test runs initdb and migrations in WebAssembly at least once: slow on a busy machine.
describe("new embedded data directories", { timeout: 180_000 }, () => {
  const dirs: string[] = [];
  async function tempDir(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "agendacraft-template-"));
    dirs.push(dir);
    return dir;
  }
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("start from the template the first one saved: migrated, recorded, working and kept", async () => {
    const [cacheDir, parent] = [await tempDir(), await tempDir()];
    const first = await createDatabase({ dataDir: join(parent, "first"), migrate: true, templateCacheDir: cacheDir });
    await first.close();
    expect(first.createdFrom).toBe("initdb");
    expect(await readdir(cacheDir)).toEqual([expect.stringMatching(/^pglite-data-dir-\w+$/)]);

    const dataDir = join(parent, "second");
    const second = await createDatabase({ dataDir, migrate: true, templateCacheDir: cacheDir });
    try {
      expect(second.createdFrom).toBe("template");
      expect(second.schemaEngineLoaded).toBe(false);
      expect(second.appliedMigrations).toEqual(await migrationNames());
      expect(await listPendingMigrations(second.prisma)).toEqual([]);
      await second.prisma.appMeta.create({ data: { key: "from-template", value: "yes" } });
    } finally {
      await second.close();
    }

    const reopened = await createDatabase({ dataDir, migrate: true, templateCacheDir: cacheDir });
    try {
      expect(reopened.createdFrom).toBeUndefined();
      expect(reopened.appliedMigrations).toEqual([]);
      expect((await reopened.prisma.appMeta.findUnique({ where: { key: "from-template" } }))?.value).toBe("yes");
    } finally {
      await reopened.close();
    }
    // A template holds the schema only: the data written since is not in the next new directory.
    const third = await createDatabase({ dataDir: join(parent, "third"), migrate: true, templateCacheDir: cacheDir });
    try {
      expect(third.createdFrom).toBe("template");
      expect(await third.prisma.appMeta.findUnique({ where: { key: "from-template" } })).toBeNull();
    } finally {
      await third.close();
    }
  });

  it("get the migrations a template made from older ones lacks", async () => {
    const [cacheDir, parent, older] = [await tempDir(), await tempDir(), await tempDir()];
    const all = await migrationNames();
    const kept = all.slice(0, -2);
    for (const name of [...kept, "migration_lock.toml"]) {
      await cp(join(migrationsDir, name), join(older, name), { recursive: true });
    }
    // A template (a stopped data directory) made when only the older migrations existed.
    const embedded = await startEmbeddedPostgres({ dataDir: await dataDirTemplatePath(cacheDir) });
    try {
      await applyMigrations(embedded.url, older);
    } finally {
      await embedded.close();
    }

    const db = await createDatabase({ dataDir: join(parent, "db"), migrate: true, templateCacheDir: cacheDir });
    try {
      expect(db.createdFrom).toBe("template");
      expect(db.schemaEngineLoaded).toBe(true);
      expect(db.appliedMigrations).toEqual(all);
      expect(await listPendingMigrations(db.prisma)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
