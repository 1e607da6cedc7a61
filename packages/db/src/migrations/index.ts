export { applyMigrations, type MigrationOutcome, migrate } from "./apply-migrations.ts";
export { type CreateMigrationOptions, type CreateMigrationResult, createMigration } from "./create-migration.ts";
export { listPendingMigrations } from "./pending-migrations.ts";
