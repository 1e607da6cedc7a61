import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { migrationsFingerprint } from "../migrations/migrations-fingerprint.ts";
import { repoRoot } from "../paths.ts";
import { BytesBlob } from "./bytes-blob.ts";

/** Where templates are kept: a cache, rebuilt when missing, never committed. */
export const defaultTemplateCacheDir = join(repoRoot, "node_modules", ".cache", "agendacraft");
const PREFIX = "pglite-data-dir-";

export type DataDirTemplate = {
  /** A migrated data directory (`dumpDataDir()`) to start from; absent until a first new one was saved. */
  snapshot?: Blob;
  /** Saves `pglite`'s data directory as the template; call right after migrating, before anything else writes. */
  save(pglite: PGlite): Promise<void>;
};

/** A data directory PGlite has not initialised yet (initdb would run in it). */
export function isNewDataDir(dataDir: string): boolean {
  return !existsSync(join(resolve(dataDir), "PG_VERSION"));
}

/**
 * initdb and the migrations take seconds of WebAssembly on a new data directory, and give the
 * same files every time: the first new data directory is saved as a template (about 40 MB,
 * uncompressed because unpacking gzip costs more than reading), and later ones start from a
 * copy of it. The template is keyed by the migrations and the PGlite version, so changing
 * either makes a new one; the migrations still run after loading it, as on any start.
 */
export async function findDataDirTemplate(cacheDir: string = defaultTemplateCacheDir): Promise<DataDirTemplate> {
  const file = await dataDirTemplatePath(cacheDir);
  const name = basename(file);
  const bytes = await readFile(file).catch(() => null);
  return {
    ...(bytes ? { snapshot: new BytesBlob(new Uint8Array(bytes)) } : {}),
    async save(pglite) {
      const dump = await pglite.dumpDataDir("none");
      await mkdir(cacheDir, { recursive: true });
      // Written under a unique name and renamed: two processes may save at once.
      const temporary = `${file}.${randomUUID()}`;
      await writeFile(temporary, new Uint8Array(await dump.arrayBuffer()));
      await rename(temporary, file);
      await removeOtherTemplates(cacheDir, name);
    },
  };
}

/** Where the template for today's migrations is (or will be) kept. */
export async function dataDirTemplatePath(cacheDir: string = defaultTemplateCacheDir): Promise<string> {
  return join(cacheDir, `${PREFIX}${await migrationsFingerprint("data-dir-template")}.tar`);
}

/** Templates of older migrations are never used again. */
async function removeOtherTemplates(cacheDir: string, keep: string): Promise<void> {
  for (const entry of await readdir(cacheDir)) {
    if (entry.startsWith(PREFIX) && entry.endsWith(".tar") && entry !== keep) {
      await rm(join(cacheDir, entry), { force: true });
    }
  }
}
