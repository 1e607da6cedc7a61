import { migrationsDir } from "../paths.ts";
import { migrationNames } from "./read-migrations.ts";

type RawQueryable = {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
};

/**
 * Migrations on disk that the database has not successfully applied. Throws when the
 * database cannot be reached; an empty list means the schema is current.
 */
export async function listPendingMigrations(db: RawQueryable, baseDir: string = migrationsDir): Promise<string[]> {
  const onDisk = await migrationNames(baseDir);
  const [{ exists }] = await db.$queryRawUnsafe<[{ exists: boolean }]>(
    "SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS exists",
  );
  if (!exists) return onDisk;
  const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
    "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
  );
  const applied = new Set(rows.map((row) => row.migration_name));
  return onDisk.filter((name) => !applied.has(name));
}
