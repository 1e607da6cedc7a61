import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { createDatabase, type Database } from "../create-database.ts";
import { BytesBlob } from "../embedded/bytes-blob.ts";
import { startEmbeddedPostgres } from "../embedded/start-embedded-postgres.ts";
import { applyMigrations } from "../migrations/apply-migrations.ts";
import { migrationsFingerprint } from "../migrations/migrations-fingerprint.ts";
import { repoRoot } from "../paths.ts";

export type TestDatabase = Database & {
  /** "embedded" (PGlite from a migrated snapshot) or "postgres" (a database of its own on TEST_DATABASE_URL's server). */
  kind: "embedded" | "postgres";
  /** Closes the client and throws the database away. */
  close(): Promise<void>;
};

/**
 * A freshly migrated database for one test file. With TEST_DATABASE_URL set it is a
 * new database on that PostgreSQL server, copied from a migrated template and
 * dropped on close; otherwise an in-memory PGlite started from a migrated snapshot.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? createServerTestDatabase(serverUrl) : createEmbeddedTestDatabase();
}

/**
 * Settings written into the embedded snapshot (postgresql.auto.conf), so every database started
 * from it, in a test process or a spawned server, has them. PGlite zeroes all of shared_buffers
 * at start: the default 128 MB cost about 1 s of CPU per test file; the tests' databases are
 * ~40 MB, so 16 MB still holds their working set.
 */
const EMBEDDED_TEST_SETTINGS = { shared_buffers: "16MB" };

function testSnapshotFingerprint(): Promise<string> {
  // A snapshot is only valid for the PGlite version that wrote it, and the settings in it.
  return migrationsFingerprint(JSON.stringify(EMBEDDED_TEST_SETTINGS));
}

async function createEmbeddedTestDatabase(): Promise<TestDatabase> {
  const snapshot = await migratedSnapshot();
  const db = await createDatabase({ dataDir: "memory://", loadDataDir: snapshot });
  return { ...db, kind: "embedded" };
}

let snapshotLoading: Promise<Blob> | undefined;

/**
 * initdb plus migrations take seconds; a snapshot cached on disk brings each test file down to
 * ~0.5 s. Read once per test process (files share their worker's modules).
 */
export function migratedSnapshot(): Promise<Blob> {
  snapshotLoading ??= loadOrBuildSnapshot();
  snapshotLoading.catch(() => {
    snapshotLoading = undefined;
  });
  return snapshotLoading;
}

async function loadOrBuildSnapshot(): Promise<Blob> {
  const cacheDir = join(repoRoot, "node_modules", ".cache", "agendacraft");
  const file = join(cacheDir, `pglite-migrated-${await testSnapshotFingerprint()}.tar`);
  const cached = await readFile(file).catch(() => null);
  if (cached) return new BytesBlob(new Uint8Array(cached));

  const embedded = await startEmbeddedPostgres();
  try {
    await applyMigrations(embedded.url);
    for (const [name, value] of Object.entries(EMBEDDED_TEST_SETTINGS)) {
      await embedded.pglite.query(`ALTER SYSTEM SET ${name} = '${value}'`);
    }
    // Uncompressed (about 40 MB against 5): every test file loads it, and unpacking gzip cost
    // each about 0.2 s of CPU.
    const dump = await embedded.pglite.dumpDataDir("none");
    const bytes = Buffer.from(await dump.arrayBuffer());
    await mkdir(cacheDir, { recursive: true });
    // Written under a unique name and renamed: parallel test files may race to build it.
    const temporary = `${file}.${randomUUID()}`;
    await writeFile(temporary, bytes);
    await rename(temporary, file);
    return new BytesBlob(new Uint8Array(bytes));
  } finally {
    await embedded.close();
  }
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A new database on the server at `serverUrl`, copied from a migrated template (built
 * once per migration set); returns its URL.
 */
export async function createMigratedServerDatabase(serverUrl: string, name: string): Promise<string> {
  const template = `agendacraft_test_template_${await testSnapshotFingerprint()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // Test files run in parallel: one builds the template, the others wait for it.
    await admin.query("SELECT pg_advisory_lock(hashtext('agendacraft_test_template'))");
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (!rowCount) {
      const building = `${template}_building`;
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${building}"`);
      await applyMigrations(databaseUrl(serverUrl, building));
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
    }
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.query("SELECT pg_advisory_unlock(hashtext('agendacraft_test_template'))").catch(() => undefined);
    await admin.end();
  }
  return databaseUrl(serverUrl, name);
}

async function createServerTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `agendacraft_test_${randomUUID().replaceAll("-", "")}`;
  const url = await createMigratedServerDatabase(serverUrl, name);
  const db = await createDatabase({ url, poolMax: 4 });
  return {
    ...db,
    kind: "postgres",
    async close() {
      await db.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
