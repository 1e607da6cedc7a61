import pg from "pg";
import { migrationsDir } from "../paths.ts";
import { openSchemaEngine } from "./open-schema-engine.ts";
import { listPendingMigrations } from "./pending-migrations.ts";
import { readMigrations } from "./read-migrations.ts";

/**
 * Applies every pending migration in prisma/migrations to the database at `url`,
 * recording them in `_prisma_migrations` exactly as `prisma migrate deploy` does.
 * Returns the names applied now (empty when the database was up to date).
 */
export async function applyMigrations(url: string, baseDir: string = migrationsDir): Promise<string[]> {
  // Most starts have nothing to apply: one query says so, where loading the schema engine's
  // WebAssembly costs a few hundred milliseconds of every start. A failed migration counts
  // as pending, so the engine still reports it; so does any error of the check itself (an
  // unreachable server, a database still to be created), which the engine handles as before.
  const pending = await pendingMigrations(url, baseDir).catch(() => null);
  if (pending?.length === 0) return [];
  const { engine, close } = await openSchemaEngine(url);
  try {
    const migrationsList = await readMigrations(baseDir);
    const output = await engine.applyMigrations({
      migrationsList,
      filters: { externalTables: [], externalEnums: [] },
    });
    return output.appliedMigrationNames;
  } finally {
    await close();
  }
}

async function pendingMigrations(url: string, baseDir: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await listPendingMigrations(
      {
        $queryRawUnsafe: async <T>(query: string) => (await client.query(query)).rows as T,
      },
      baseDir,
    );
  } finally {
    await client.end();
  }
}
