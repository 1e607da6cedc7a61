import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { migrationsDir } from "../paths.ts";

const LOCKFILE = "migration_lock.toml";
const SCRIPT = "migration.sql";

/** Loads prisma/migrations in the shape the schema engine expects (the same the Prisma CLI builds). */
export async function readMigrations(baseDir: string = migrationsDir): Promise<MigrationList> {
  const lockContent = await readFile(join(baseDir, LOCKFILE), "utf8").catch(() => null);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const directories = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  directories.sort((a, b) => a.localeCompare(b));

  const migrationDirectories = await Promise.all(
    directories.map(async (name) => ({
      path: name,
      migrationFile: {
        path: SCRIPT,
        content: await readFile(join(baseDir, name, SCRIPT), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        ),
      },
    })),
  );

  return {
    baseDir,
    lockfile: { path: LOCKFILE, content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** Names of the migration folders on disk, oldest first. */
export async function migrationNames(baseDir: string = migrationsDir): Promise<string[]> {
  const list = await readMigrations(baseDir);
  return list.migrationDirectories.map((directory) => directory.path);
}
