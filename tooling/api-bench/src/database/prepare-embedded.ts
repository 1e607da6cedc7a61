import { PGlite } from "@electric-sql/pglite";
import { startApp } from "../app/start-app.ts";
import { type BenchData, seedBenchData } from "./seed.ts";

/**
 * An embedded data directory with the bench's data: the app creates and migrates it on a
 * first start, then, the app stopped (PGlite is one process's), the same seed as on
 * PostgreSQL goes in through PGlite itself.
 */
export async function prepareEmbeddedDataDir(dataDir: string, logFile: string): Promise<BenchData> {
  const app = await startApp({ database: { dataDir }, logFile });
  await app.stop();
  const db = await PGlite.create({ dataDir });
  try {
    return await seedBenchData(db);
  } finally {
    await db.close();
  }
}
