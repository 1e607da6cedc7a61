import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded/start-embedded-postgres.ts";
import { PrismaClient } from "./generated/prisma/client.ts";
import { listenOnPool } from "./listen/listen-on-pool.ts";
import { listenOnServer } from "./listen/listen-on-server.ts";
import type { Listen } from "./listen/types.ts";
import { applyMigrations } from "./migrations/apply-migrations.ts";
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

async function connectToServer(url: string, config: DatabaseConfig): Promise<Database> {
  const appliedMigrations = config.migrate ? await applyMigrations(url) : [];
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
    appliedMigrations,
    listen: listener.listen,
    async close() {
      await listener.close();
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function startEmbedded(config: DatabaseConfig): Promise<Database> {
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir ?? defaultDataDir,
    ...(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {}),
  });
  // Before the app's pool opens: the embedded server accepts one connection at a time.
  const appliedMigrations = config.migrate
    ? await applyMigrations(embedded.url).catch(async (error) => {
        await embedded.close();
        throw error;
      })
    : [];
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
    appliedMigrations,
    listen,
    async close() {
      await prisma.$disconnect();
      await pool.end();
      await embedded.close();
    },
  };
}
