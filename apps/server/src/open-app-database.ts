import { createDatabase, type Database } from "@agendacraft/db/client";
import type { Logger } from "pino";
import type { Env } from "./env.ts";

/**
 * Opens the configured database for the server or the worker, applying pending
 * migrations; a database that cannot be opened ends the process with one line.
 */
export async function openAppDatabase(env: Env, log: Logger): Promise<Database> {
  const db = await createDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolMax: env.DATABASE_POOL_MAX,
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    migrate: true,
    onConnectionError: (error) => log.warn({ err: error }, "database connection lost; reconnecting on next use"),
  }).catch((error: Error) => {
    log.fatal({ err: error }, "could not open the database");
    console.error(`Could not open the database: ${error.message.split("\n")[0]}`);
    process.exit(1);
  });
  log.info(
    {
      appliedMigrations: db.appliedMigrations,
      schemaEngineLoaded: db.schemaEngineLoaded,
      ...(db.createdFrom ? { createdFrom: db.createdFrom } : {}),
    },
    db.appliedMigrations.length > 0
      ? `applied ${db.appliedMigrations.length} migration(s)`
      : "database schema is up to date",
  );
  return db;
}
