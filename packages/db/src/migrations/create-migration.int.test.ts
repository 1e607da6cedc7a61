import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { migrationsDir } from "../paths.ts";
import { createMigration } from "./create-migration.ts";

// Runs against a throwaway embedded database, or against the PostgreSQL server in
// TEST_DATABASE_URL when it is set (as `pnpm db:migrate` does with MIGRATE_SERVER_URL).
const serverUrl = process.env.TEST_DATABASE_URL;

describe("createMigration", () => {
  let workDir: string | undefined;
  afterEach(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it("finds nothing to write when schema.prisma matches the committed migrations", async () => {
    workDir = await mkdtemp(join(tmpdir(), "agendacraft-migrations-"));
    await cp(migrationsDir, workDir, { recursive: true });
    const result = await createMigration({ name: "should be empty", baseDir: workDir, serverUrl });
    expect(result.directory).toBeNull();
    expect((await readdir(workDir)).sort()).toEqual((await readdir(migrationsDir)).sort());
  });

  it("writes a Prisma migration folder with the SQL that builds the schema from scratch", async () => {
    workDir = await mkdtemp(join(tmpdir(), "agendacraft-migrations-"));
    const result = await createMigration({
      name: "Initial schema!",
      baseDir: workDir,
      serverUrl,
      now: new Date("2026-01-02T03:04:05Z"),
    });
    expect(result.directory).toBe(join(workDir, "20260102030405_initial_schema"));
    const sql = await readFile(join(workDir, "20260102030405_initial_schema", "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "app_meta"');
    expect(await readFile(join(workDir, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
  });

  it("rejects a name with no letters or digits", async () => {
    await expect(createMigration({ name: "  --  " })).rejects.toThrow(/needs a name/);
  });
});
