import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { migrationsFingerprint } from "../migrations/migrations-fingerprint.ts";
import { repoRoot } from "../paths.ts";
import { copyDirectory } from "./copy-directory.ts";

/** Where templates are kept: a cache, rebuilt when missing, never committed. */
export const defaultTemplateCacheDir = join(repoRoot, "node_modules", ".cache", "agendacraft");
const PREFIX = "pglite-data-dir-";

export type DataDirTemplate = {
  /** Whether a template exists to copy; absent until a first new data directory saved one. */
  exists: boolean;
  /** Makes `dataDir` (new) a copy of the template. */
  copyTo(dataDir: string): Promise<void>;
  /** Saves `pglite`'s data directory as the template; call right after migrating, before anything else writes. */
  save(pglite: PGlite): Promise<void>;
};

/** A data directory PGlite has not initialised yet (initdb would run in it). */
export function isNewDataDir(dataDir: string): boolean {
  return !existsSync(join(resolve(dataDir), "PG_VERSION"));
}

/**
 * initdb and the migrations take seconds of WebAssembly on a new data directory, and give the
 * same files every time: the first new data directory is saved as a template (a stopped
 * PGlite data directory, about 40 MB), and later ones start as a file copy of it, which PGlite
 * then opens like any existing one (loading a `dumpDataDir()` tarball instead cost about a
 * second of writing files through WebAssembly). The template is keyed by the migrations and
 * the PGlite version, so changing either makes a new one; the migrations still run after
 * copying it, as on any start.
 */
export async function findDataDirTemplate(cacheDir: string = defaultTemplateCacheDir): Promise<DataDirTemplate> {
  const template = await dataDirTemplatePath(cacheDir);
  return {
    exists: existsSync(join(template, "PG_VERSION")),
    async copyTo(dataDir) {
      // Copied next to its place and renamed: an interrupted copy never looks like a data directory.
      const target = resolve(dataDir);
      const copying = `${target}.copying-${randomUUID()}`;
      await mkdir(dirname(target), { recursive: true });
      try {
        await copyDirectory(template, copying);
        await rename(copying, target);
      } finally {
        await rm(copying, { recursive: true, force: true });
      }
    },
    async save(pglite) {
      const dump = await pglite.dumpDataDir("none");
      // Unpacked by a PGlite of its own and closed cleanly, so copies start without recovery.
      const { PGlite } = await import("@electric-sql/pglite");
      const building = `${template}.building-${randomUUID()}`;
      await mkdir(cacheDir, { recursive: true });
      try {
        const unpacked = await PGlite.create({ dataDir: building, loadDataDir: dump });
        await unpacked.close();
        // Two processes may save at once: the first rename wins, the other's copy is dropped.
        if (!existsSync(template)) await rename(building, template);
      } finally {
        await rm(building, { recursive: true, force: true });
      }
      await removeOtherTemplates(cacheDir, basename(template));
    },
  };
}

/** Where the template for today's migrations is (or will be) kept: a data directory. */
export async function dataDirTemplatePath(cacheDir: string = defaultTemplateCacheDir): Promise<string> {
  return join(cacheDir, `${PREFIX}${await migrationsFingerprint("data-dir-template")}`);
}

/** Templates of older migrations are never used again. */
async function removeOtherTemplates(cacheDir: string, keep: string): Promise<void> {
  for (const entry of await readdir(cacheDir)) {
    if (entry.startsWith(PREFIX) && entry !== keep && !entry.includes(".building-")) {
      await rm(join(cacheDir, entry), { recursive: true, force: true });
    }
  }
}
