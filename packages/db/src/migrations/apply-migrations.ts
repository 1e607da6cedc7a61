import pg from "pg";
import { migrationsDir } from "../paths.ts";
import { everyMigrationRecorded } from "./migrations-recorded.ts";
import { openSchemaEngine } from "./open-schema-engine.ts";
import { readMigrations } from "./read-migrations.ts";

export type MigrationOutcome = {
  /** Names applied now (empty when the database was up to date). */
  applied: string[];
  /** False when `_prisma_migrations` already recorded every migration and the engine was not needed. */
  schemaEngineLoaded: boolean;
};

/**
 * Applies every pending migration in prisma/migrations to the database at `url`,
 * recording them in `_prisma_migrations` exactly as `prisma migrate deploy` does.
 * Returns the names applied now (empty when the database was up to date).
 */
export async function applyMigrations(url: string, baseDir: string = migrationsDir): Promise<string[]> {
  return (await migrate(url, baseDir)).applied;
}

/** applyMigrations, also saying whether the schema engine had to be loaded. */
export async function migrate(url: string, baseDir: string = migrationsDir): Promise<MigrationOutcome> {
  const migrationsList = await readMigrations(baseDir);
  // Most starts have nothing to apply: one query says so, where loading the schema engine's
  // WebAssembly costs a few hundred milliseconds of every start. Anything else (a pending,
  // failed or edited migration, or an error of the check itself such as an unreachable server
  // or a database still to be created) goes to the engine, which handles it as before.
  const upToDate = await isUpToDate(url, migrationsList).catch(() => false);
  if (upToDate) return { applied: [], schemaEngineLoaded: false };
  const { engine, close } = await openSchemaEngine(url);
  try {
    const output = await engine.applyMigrations({
      migrationsList,
      filters: { externalTables: [], externalEnums: [] },
    });
    return { applied: output.appliedMigrationNames, schemaEngineLoaded: true };
  } finally {
    await close();
  }
}

async function isUpToDate(url: string, list: Awaited<ReturnType<typeof readMigrations>>): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await everyMigrationRecorded(async <T>(query: string) => (await client.query(query)).rows as T[], list);
  } finally {
    await client.end();
  }
}
