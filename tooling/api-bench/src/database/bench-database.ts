import { randomBytes } from "node:crypto";
import pg from "pg";

export type BenchDatabase = {
  /** The bench's own database, on the server the configured URL names. */
  url: string;
  drop(): Promise<void>;
};

/**
 * A database of the bench's own (agendacraft_bench_<random>) on the configured server, so
 * the run never reads or writes the person's data; dropped at the end, connections and all.
 */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `agendacraft_bench_${randomBytes(4).toString("hex")}`;
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function onServer(serverUrl: string, run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}
