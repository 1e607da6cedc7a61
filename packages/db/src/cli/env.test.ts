import { describe, expect, it } from "vitest";
import { prismaCliEnv, readDbCliEnv } from "./env.ts";

describe("readDbCliEnv", () => {
  it("treats empty values as unset, so an exported-but-empty DATABASE_URL means the embedded database", () => {
    expect(readDbCliEnv({ DATABASE_URL: "", DATA_DIR: "", MIGRATE_SERVER_URL: "" })).toEqual({
      databaseUrl: undefined,
      dataDir: undefined,
      migrateServerUrl: undefined,
    });
  });

  it("passes the configured servers and directory through", () => {
    expect(
      readDbCliEnv({ DATABASE_URL: "postgresql://a/b", DATA_DIR: "/data", MIGRATE_SERVER_URL: "postgresql://c/d" }),
    ).toEqual({ databaseUrl: "postgresql://a/b", dataDir: "/data", migrateServerUrl: "postgresql://c/d" });
  });
});

describe("prismaCliEnv", () => {
  it("keeps the caller's variables and points the schema engine check at node unless one is set", () => {
    const env = prismaCliEnv({ PATH: "/usr/bin" });
    expect(env).toMatchObject({ PATH: "/usr/bin", PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" });
    expect(env.PRISMA_SCHEMA_ENGINE_BINARY).toBe(process.execPath);
    expect(prismaCliEnv({ PRISMA_SCHEMA_ENGINE_BINARY: "/opt/engine" }).PRISMA_SCHEMA_ENGINE_BINARY).toBe(
      "/opt/engine",
    );
  });
});
