import { createHash } from "node:crypto";
import type { MigrationList } from "@prisma/schema-engine-wasm";

type RawQuery = <T>(query: string) => Promise<T[]>;

type RecordedMigration = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

/**
 * Whether `_prisma_migrations` records every migration folder of `list` as applied, each
 * with the checksum of the script on disk, and nothing else (no failed, rolled-back or
 * unknown migration). Only then may a start skip the schema engine: any doubt means no,
 * and the engine applies, or reports, what it finds as before.
 */
export async function everyMigrationRecorded(query: RawQuery, list: MigrationList): Promise<boolean> {
  const [table] = await query<{ exists: boolean }>(
    "SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS exists",
  );
  if (!table?.exists) return false;
  const rows = await query<RecordedMigration>(
    "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations",
  );
  const recorded = new Map<string, RecordedMigration>();
  for (const row of rows) {
    // Two rows for one name (a failed attempt, then a resolved one): the engine's call.
    if (recorded.has(row.migration_name)) return false;
    recorded.set(row.migration_name, row);
  }
  if (recorded.size !== list.migrationDirectories.length) return false;
  return list.migrationDirectories.every(({ path, migrationFile }) => {
    const row = recorded.get(path);
    return (
      row !== undefined &&
      migrationFile.content.tag === "ok" &&
      row.finished_at !== null &&
      row.rolled_back_at === null &&
      row.checksum === scriptChecksum(migrationFile.content.value)
    );
  });
}

/** The checksum Prisma records for a migration script: SHA-256 of its bytes, in hex. */
export function scriptChecksum(script: string): string {
  return createHash("sha256").update(script).digest("hex");
}
