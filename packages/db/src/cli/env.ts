/** What the db CLIs (`pnpm db:deploy`, `db:migrate`, `generate`) read from the environment: the only place they do. */
export type DbCliEnv = {
  /** DATABASE_URL: a PostgreSQL server; unset means the embedded database. */
  databaseUrl: string | undefined;
  /** DATA_DIR: where the embedded database lives (default .data/db). */
  dataDir: string | undefined;
  /** MIGRATE_SERVER_URL: a PostgreSQL server to diff migrations on instead of a throwaway embedded one. */
  migrateServerUrl: string | undefined;
};

export function readDbCliEnv(source: Record<string, string | undefined> = process.env): DbCliEnv {
  return {
    databaseUrl: source.DATABASE_URL || undefined,
    dataDir: source.DATA_DIR || undefined,
    migrateServerUrl: source.MIGRATE_SERVER_URL || undefined,
  };
}

/**
 * The environment for the Prisma CLI child process: ours, plus the settings that keep it
 * offline (see generate.ts). A PRISMA_SCHEMA_ENGINE_BINARY already set wins.
 */
export function prismaCliEnv(
  source: Record<string, string | undefined> = process.env,
): Record<string, string | undefined> {
  return {
    ...source,
    PRISMA_SCHEMA_ENGINE_BINARY: source.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  };
}
