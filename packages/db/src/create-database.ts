import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { type DataDirTemplate, findDataDirTemplate, isNewDataDir } from "./embedded/data-dir-template.ts";
import { PrismaClient } from "./generated/prisma/client.ts";
import { listenOnPool } from "./listen/listen-on-pool.ts";
import { listenOnServer } from "./listen/listen-on-server.ts";
import type { Listen } from "./listen/types.ts";
import { type MigrationOutcome, migrate } from "./migrations/apply-migrations.ts";
import { migrationNames } from "./migrations/read-migrations.ts";
import { defaultDataDir } from "./paths.ts";
import { QUERY_EVENT_LOG } from "./query-events.ts";

export type DatabaseConfig = {
  /** A PostgreSQL server (`postgresql://...`). Unset: the embedded database. */
  url?: string;
  /** Where the embedded database persists; defaults to `.data/db` at the repository root; `memory://` keeps it in memory. */
  dataDir?: string;
  /** Start the embedded database from this `dumpDataDir()` snapshot (tests use a migrated one). */
  loadDataDir?: Blob;
  /** Connections to the PostgreSQL server (the embedded database always uses exactly one). */
  poolMax?: number;
  /** Abort a statement running longer than this on the PostgreSQL server. */
  statementTimeoutMs?: number;
  /** Called when an idle connection breaks (e.g. the server restarted); the pool reconnects by itself. */
  onConnectionError?: (error: Error) => void;
  /** Apply pending migrations before handing out the client (what the server does at start). */
  migrate?: boolean;
  /**
   * Where the template for new embedded data directories is cached (default
   * node_modules/.cache/agendacraft); `false` runs initdb and every migration instead.
   */
  templateCacheDir?: string | false;
};

export type Database = {
  prisma: PrismaClient;
  /** The pool under Prisma; the job queue shares it so embedded mode keeps one connection. */
  pool: pg.Pool;
  mode: "postgres" | "embedded";
  /** Where to reach the database; for embedded mode a loopback URL valid while it runs. */
  url: string;
  /** Migrations applied while opening (empty when already current or `migrate` was off). */
  appliedMigrations: string[];
  /** Whether migrating needed the schema engine (false when `_prisma_migrations` already had every migration). */
  schemaEngineLoaded: boolean;
  /** How a new embedded data directory was made: a copy of the migrated template, or initdb and migrations. */
  createdFrom?: "template" | "initdb";
  /** LISTEN for NOTIFY on a channel (a dedicated connection on a server; the shared session when embedded). */
  listen: Listen;
  close(): Promise<void>;
};

export type { Listen, ListenOptions } from "./listen/types.ts";
export { onQuery, type QueryEvent } from "./query-events.ts";
export type { PrismaClient };

export async function createDatabase(config: DatabaseConfig = {}): Promise<Database> {
  if (config.url) return connectToServer(config.url, config);
  return startEmbedded(config);
}

const NOT_MIGRATED: MigrationOutcome = { applied: [], schemaEngineLoaded: false };

async function connectToServer(url: string, config: DatabaseConfig): Promise<Database> {
  const migration = config.migrate ? await migrate(url) : NOT_MIGRATED;
  const pool = new pg.Pool({
    connectionString: url,
    max: config.poolMax ?? 10,
    statement_timeout: config.statementTimeoutMs ?? 30_000,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on("error", (error) => config.onConnectionError?.(error));
  const prisma: PrismaClient = new PrismaClient({ adapter: new PrismaPg(pool), log: [...QUERY_EVENT_LOG] });
  const listener = listenOnServer({ url, onConnectionError: config.onConnectionError });
  return {
    prisma,
    pool,
    mode: "postgres",
    url,
    appliedMigrations: migration.applied,
    schemaEngineLoaded: migration.schemaEngineLoaded,
    listen: listener.listen,
    async close() {
      await listener.close();
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function startEmbedded(config: DatabaseConfig): Promise<Database> {
  const dataDir = config.dataDir ?? defaultDataDir;
  const template = await templateForNewDataDir(dataDir, config);
  // A directory the copy cannot take (one holding other files) is left to initdb, as before.
  const copied = template?.exists
    ? await template.copyTo(dataDir).then(
        () => true,
        () => false,
      )
    : false;
  // Loaded only in embedded mode: PGlite's JavaScript alone costs a PostgreSQL start about 0.1 s.
  const { startEmbeddedPostgres } = await import("./embedded/start-embedded-postgres.ts");
  const embedded = await startEmbeddedPostgres({
    dataDir,
    ...(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {}),
  });
  let migration = NOT_MIGRATED;
  // Before the app's pool opens: the embedded server accepts one connection at a time.
  if (config.migrate) {
    try {
      migration = await migrate(embedded.url);
      // The template's migrations were applied to this new database too, by copy.
      if (copied) migration = { ...migration, applied: await migrationNames() };
    } catch (error) {
      await embedded.close();
      throw error;
    }
  }
  // Only a cache: when it cannot be written, the next new data directory runs initdb again.
  if (template && !template.exists) await template.save(embedded.pglite).catch(() => undefined);
  // PGlite is a single database session: more than one connection corrupts statements.
  const pool = new pg.Pool({ connectionString: embedded.url, max: 1, idleTimeoutMillis: 0 });
  pool.on("error", (error) => config.onConnectionError?.(error));
  const listen = listenOnPool(pool);
  const prisma: PrismaClient = new PrismaClient({ adapter: new PrismaPg(pool), log: [...QUERY_EVENT_LOG] });
  return {
    prisma,
    pool,
    mode: "embedded",
    url: embedded.url,
    appliedMigrations: migration.applied,
    schemaEngineLoaded: migration.schemaEngineLoaded,
    ...(template ? { createdFrom: copied ? ("template" as const) : ("initdb" as const) } : {}),
    listen,
    async close() {
      await prisma.$disconnect();
      await pool.end();
      await embedded.close();
    },
  };
}

/** The template to make a new data directory from, when the database is to be migrated anyway. */
async function templateForNewDataDir(dataDir: string, config: DatabaseConfig): Promise<DataDirTemplate | undefined> {
  if (!config.migrate || config.loadDataDir || config.templateCacheDir === false) return undefined;
  if (dataDir.startsWith("memory://") || !isNewDataDir(dataDir)) return undefined;
  return findDataDirTemplate(config.templateCacheDir);
}
