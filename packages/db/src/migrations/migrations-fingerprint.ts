import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { migrationsDir } from "../paths.ts";
import { readMigrations } from "./read-migrations.ts";

/**
 * A short hash of every migration (name and script), of the db package's dependencies and
 * of `extra`: a database snapshot made from one set of migrations, by one PGlite version,
 * with one set of settings, is only reused while this stays the same.
 */
export async function migrationsFingerprint(extra = "", baseDir: string = migrationsDir): Promise<string> {
  const list = await readMigrations(baseDir);
  const hash = createHash("sha256");
  hash.update(await readFile(new URL("../../package.json", import.meta.url), "utf8"));
  hash.update(extra);
  for (const directory of list.migrationDirectories) {
    hash.update(directory.path);
    hash.update(directory.migrationFile.content.value);
  }
  return hash.digest("hex").slice(0, 16);
}
