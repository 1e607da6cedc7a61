import { appendFile, cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrationsDir } from "../paths.ts";
import { useTestDatabase } from "../testing/use-test-database.ts";
import { migrate } from "./apply-migrations.ts";

const EXTRA = "29990101000000_start_probe";

/** A copy of prisma/migrations to change without touching the real one. */
async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "agendacraft-migrations-"));
  await cp(migrationsDir, dir, { recursive: true });
  return dir;
}

async function withMigration(dir: string, name: string, sql: string): Promise<string> {
  await mkdir(join(dir, name));
  await writeFile(join(dir, name, "migration.sql"), sql);
  return dir;
}

// Tests in order on one database: each leaves it as the next expects.
describe("migrating at start", { timeout: 120_000 }, () => {
  const db = useTestDatabase();
  const dirs: string[] = [];
  async function migrations(): Promise<string> {
    const dir = await copyOfMigrations();
    dirs.push(dir);
    return dir;
  }
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("does not load the schema engine when every migration is recorded with its checksum", async () => {
    expect(await migrate(db().url)).toEqual({ applied: [], schemaEngineLoaded: false });
  });

  it("hands an edited migration to the schema engine instead of trusting its name", async () => {
    const dir = await migrations();
    const [last] = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
      .reverse();
    await appendFile(join(dir, last as string, "migration.sql"), "\n-- edited after it was applied\n");
    expect(await migrate(db().url, dir)).toEqual({ applied: [], schemaEngineLoaded: true });
  });

  it("applies a pending migration, then skips the engine once it is recorded", async () => {
    const dir = await withMigration(await migrations(), EXTRA, 'CREATE TABLE "start_probe" ("id" INTEGER);\n');
    expect(await migrate(db().url, dir)).toEqual({ applied: [EXTRA], schemaEngineLoaded: true });
    expect(await db().prisma.$queryRawUnsafe('SELECT count(*)::int AS count FROM "start_probe"')).toEqual([
      { count: 0 },
    ]);
    expect(await migrate(db().url, dir)).toEqual({ applied: [], schemaEngineLoaded: false });
  });

  it("keeps reporting a failed migration on every start rather than skipping it", async () => {
    const failing = "29990102000000_fails";
    const dir = await withMigration(await migrations(), EXTRA, 'CREATE TABLE "start_probe" ("id" INTEGER);\n');
    await withMigration(dir, failing, 'SELECT * FROM "no_such_table";\n');
    await expect(migrate(db().url, dir)).rejects.toThrow(new RegExp(failing));
    await expect(migrate(db().url, dir)).rejects.toThrow(new RegExp(failing));
  });
});
