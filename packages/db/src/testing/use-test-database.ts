import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

/**
 * Gives the calling test file its own migrated database for all of its tests, closed
 * (and thrown away) after them: `const db = useTestDatabase(); ... db().prisma`.
 */
export function useTestDatabase(): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });
  return () => {
    if (!database) throw new Error("useTestDatabase(): the database exists only inside tests and hooks.");
    return database;
  };
}
