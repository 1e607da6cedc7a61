// pnpm db:deploy — applies pending migrations to DATABASE_URL, or to the embedded
// database in DATA_DIR (default .data/db) when DATABASE_URL is unset.

import { startEmbeddedPostgres } from "../embedded/start-embedded-postgres.ts";
import { applyMigrations } from "../migrations/apply-migrations.ts";
import { defaultDataDir } from "../paths.ts";

const databaseUrl = process.env.DATABASE_URL;
const embedded = databaseUrl
  ? undefined
  : await startEmbeddedPostgres({ dataDir: process.env.DATA_DIR ?? defaultDataDir });
const target = databaseUrl
  ? "the PostgreSQL server in DATABASE_URL"
  : `the embedded database in ${process.env.DATA_DIR ?? defaultDataDir}`;

try {
  console.log(`Applying pending migrations to ${target}...`);
  const applied = await applyMigrations(databaseUrl ?? (embedded?.url as string));
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Already up to date.");
} catch (error) {
  console.error(`Migration failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await embedded?.close();
}
