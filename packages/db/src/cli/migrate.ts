// pnpm db:migrate --name <what-changed>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql from the schema diff.
// Diffs against a throwaway embedded database, or against the PostgreSQL server in
// MIGRATE_SERVER_URL (a temporary database is created there and dropped).
import { parseArgs } from "node:util";
import { createMigration } from "../migrations/create-migration.ts";
import { readDbCliEnv } from "./env.ts";

const { values } = parseArgs({ options: { name: { type: "string" } } });
if (!values.name) {
  console.error("Usage: pnpm db:migrate --name <what-changed>   (e.g. --name add_tasks)");
  process.exit(1);
}

try {
  console.log("Replaying the migration history into a scratch database and diffing against schema.prisma...");
  const result = await createMigration({ name: values.name, serverUrl: readDbCliEnv().migrateServerUrl });
  if (result.directory === null) {
    console.log("schema.prisma matches the migrations; nothing to write.");
  } else {
    console.log(`Wrote ${result.directory}/migration.sql:\n\n${result.sql}`);
    console.log("Apply it with `pnpm db:deploy`, or just start the server (it applies pending migrations).");
  }
} catch (error) {
  console.error(`Could not create the migration: ${(error as Error).message}`);
  process.exit(1);
}
