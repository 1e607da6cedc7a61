import { randomUUID } from "node:crypto";
import pg from "pg";

type EmbeddedStarter = () => Promise<{ url: string; close(): Promise<void> }>;

/**
 * Runs `work` against an empty database that is thrown away afterwards: a temporary
 * database on the PostgreSQL server at `serverUrl`, or an in-memory embedded one.
 */
export async function withScratchDatabase<T>(
  serverUrl: string | undefined,
  startEmbedded: EmbeddedStarter,
  work: (url: string) => Promise<T>,
): Promise<T> {
  if (!serverUrl) {
    const embedded = await startEmbedded();
    try {
      return await work(embedded.url);
    } finally {
      await embedded.close();
    }
  }

  const name = `agendacraft_scratch_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    try {
      return await work(url.toString());
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}
