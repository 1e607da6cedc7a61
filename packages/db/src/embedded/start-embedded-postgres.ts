import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedPostgres = {
  /** A `postgresql://` URL for the one connection this server accepts. */
  url: string;
  pglite: PGlite;
  close(): Promise<void>;
};

export type EmbeddedPostgresOptions = {
  /** Directory that persists the data; omitted (or `memory://`) keeps it in memory. */
  dataDir?: string;
  /** A tarball from `pglite.dumpDataDir()` to start from instead of running initdb. */
  loadDataDir?: Blob | File;
};

/**
 * Starts PGlite (PostgreSQL compiled to WASM) and serves it over the PostgreSQL wire
 * protocol on a free loopback port, so Prisma's pg adapter, the migration engine and
 * the job queue all speak to it exactly as they speak to a real server.
 *
 * PGlite is ONE database session: callers must use a single shared connection
 * (`pg.Pool({ max: 1 })`); several connections corrupt each other's statements.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const inMemory = !options.dataDir || options.dataDir.startsWith("memory://");
  const dataDir = inMemory ? undefined : resolve(options.dataDir as string);
  // PGlite creates the data directory but not its parent.
  if (dataDir) mkdirSync(dirname(dataDir), { recursive: true });

  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  // Room for two sockets although only one is ever used: pg's pool discards a connection
  // after any query error and opens the next one before the server has seen the old close.
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0, maxConnections: 2 });
  await server.start();
  const address = server.getServerConn();

  return {
    url: `postgresql://postgres@${address}/postgres?sslmode=disable`,
    pglite,
    async close() {
      await server.stop();
      await pglite.close();
    },
  };
}
