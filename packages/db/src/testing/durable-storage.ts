import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export type DurableStorage = {
  /** For a server process: `DATA_DIR` (embedded) or `DATABASE_URL` (PostgreSQL). */
  env: Record<string, string>;
  dispose(): Promise<void>;
};

/**
 * An EMPTY place for data that outlives the processes using it, for restart tests: an
 * embedded data directory, or a database of its own on TEST_DATABASE_URL's server.
 * (createTestDatabase's databases are migrated and vanish when closed.)
 */
export async function createDurableStorage(): Promise<DurableStorage> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = await mkdtemp(join(tmpdir(), "agendacraft-durable-"));
    return { env: { DATA_DIR: join(dir, "db") }, dispose: () => rm(dir, { recursive: true, force: true }) };
  }
  const name = `agendacraft_durable_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    async dispose() {
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
