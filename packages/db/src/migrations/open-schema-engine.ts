import { readFile } from "node:fs/promises";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";
import { schemaPath } from "../paths.ts";
import { loadSchemaEngine } from "./load-schema-engine.ts";
import { CharColumnsClient, withCharColumns } from "./pg-char-columns.ts";

export type OpenedSchemaEngine = { engine: SchemaEngine; close(): Promise<void> };

/**
 * Prisma's official WASM schema engine (the migration logic of the CLI, without the
 * native binary the CLI would download) driven through the pg driver adapter.
 * We never ask it for a shadow database: createMigration replays history into a
 * scratch database of its own (see create-migration.ts).
 */
export async function openSchemaEngine(url: string): Promise<OpenedSchemaEngine> {
  // One connection, reused for every connect(): an embedded database accepts no more,
  // and migrations are serial anyway.
  const pool = new pg.Pool({ connectionString: url, max: 1, Client: CharColumnsClient });
  const adapterFactory = bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => withCharColumns(await new PrismaPg(pool).connect()),
    connectToShadowDb: () =>
      Promise.reject(new Error("AgendaCraft's migration tooling does not use a shadow database.")),
  });

  const { SchemaEngine } = await loadSchemaEngine();
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, await readFile(schemaPath, "utf8")]] },
    () => {
      // The engine's own tracing; the CLIs print results instead.
    },
    adapterFactory,
  );

  return {
    engine,
    async close() {
      engine.free();
      await pool.end().catch(() => undefined);
    },
  };
}
