import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../embedded/start-embedded-postgres.ts";
import { createMigratedServerDatabase, databaseUrl, migratedSnapshot } from "./test-database.ts";

export type DurableStorage = {
  /** For a server process: `DATA_DIR` (embedded) or `DATABASE_URL` (PostgreSQL). */
  env: Record<string, string>;
  dispose(): Promise<void>;
};

export type DurableStorageOptions = {
  /**
   * Start with the schema already migrated (from the tests' migrated snapshot or template),
   * as after a server's first start: its processes skip initdb and the migrations, seconds
   * each. Off (the default), the storage is empty, for tests of a first start.
   */
  migrated?: boolean;
};

/**
 * A place for data that outlives the processes using it, for restart tests: an embedded
 * data directory, or a database of its own on TEST_DATABASE_URL's server.
 * (createTestDatabase's databases vanish when closed.)
 */
export async function createDurableStorage(options: DurableStorageOptions = {}): Promise<DurableStorage> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? createServerStorage(serverUrl, options) : createEmbeddedStorage(options);
}

async function createEmbeddedStorage({ migrated = false }: DurableStorageOptions): Promise<DurableStorage> {
  const dir = await mkdtemp(join(tmpdir(), "agendacraft-durable-"));
  const dataDir = join(dir, "db");
  if (migrated) {
    // PGlite unpacks the snapshot into the new directory; closing leaves it there.
    const embedded = await startEmbeddedPostgres({ dataDir, loadDataDir: await migratedSnapshot() });
    await embedded.close();
  }
  return { env: { DATA_DIR: dataDir }, dispose: () => rm(dir, { recursive: true, force: true }) };
}

async function createServerStorage(
  serverUrl: string,
  { migrated = false }: DurableStorageOptions,
): Promise<DurableStorage> {
  const name = `agendacraft_durable_${randomUUID().replaceAll("-", "")}`;
  if (migrated) {
    await createMigratedServerDatabase(serverUrl, name);
  } else {
    await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  }
  return {
    env: { DATABASE_URL: databaseUrl(serverUrl, name) },
    dispose: () => withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

async function withAdmin(serverUrl: string, use: (admin: pg.Client) => Promise<unknown>): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await use(admin);
  } finally {
    await admin.end();
  }
}
