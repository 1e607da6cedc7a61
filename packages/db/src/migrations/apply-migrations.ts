import { migrationsDir } from "../paths.ts";
import { openSchemaEngine } from "./open-schema-engine.ts";
import { readMigrations } from "./read-migrations.ts";

/**
 * Applies every pending migration in prisma/migrations to the database at `url`,
 * recording them in `_prisma_migrations` exactly as `prisma migrate deploy` does.
 * Returns the names applied now (empty when the database was up to date).
 */
export async function applyMigrations(url: string, baseDir: string = migrationsDir): Promise<string[]> {
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
