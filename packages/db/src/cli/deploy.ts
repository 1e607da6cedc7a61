// pnpm db:deploy — applies pending migrations to DATABASE_URL, or to the embedded
// database in DATA_DIR (default .data/db) when DATABASE_URL is unset.

import { startEmbeddedPostgres } from "../embedded/start-embedded-postgres.ts";
import { applyMigrations } from "../migrations/apply-migrations.ts";
import { defaultDataDir } from "../paths.ts";
import { readDbCliEnv } from "./env.ts";

const env = readDbCliEnv();
const databaseUrl = env.databaseUrl;
const dataDir = env.dataDir ?? defaultDataDir;
const embedded = databaseUrl ? undefined : await startEmbeddedPostgres({ dataDir });
const target = databaseUrl ? "the PostgreSQL server in DATABASE_URL" : `the embedded database in ${dataDir}`;

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
