import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPendingMigrations } from "../migrations/pending-migrations.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

describe("createTestDatabase", () => {
  let first: TestDatabase;
  let second: TestDatabase;

  beforeAll(async () => {
    first = await createTestDatabase();
    second = await createTestDatabase();
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it("uses PostgreSQL exactly when TEST_DATABASE_URL is set", () => {
    expect(first.kind).toBe(process.env.TEST_DATABASE_URL ? "postgres" : "embedded");
  });

  it("hands out a database with every migration applied", async () => {
    expect(await listPendingMigrations(first.prisma)).toEqual([]);
    await expect(first.prisma.appMeta.count()).resolves.toBe(0);
  });

  it("starts an embedded database with the snapshot's small shared_buffers, which PGlite zeroes at every start", async () => {
    const [setting] = await first.prisma.$queryRawUnsafe<{ shared_buffers: string }[]>("SHOW shared_buffers");
    if (first.kind === "embedded") expect(setting?.shared_buffers).toBe("16MB");
    else expect(setting?.shared_buffers).toMatch(/^\d+(kB|MB|GB)$/);
  });

  it("gives each caller its own database: nothing written in one shows in another", async () => {
    await first.prisma.appMeta.create({ data: { key: "only-in-first", value: "1" } });
    await expect(second.prisma.appMeta.findUnique({ where: { key: "only-in-first" } })).resolves.toBeNull();
    await expect(first.prisma.appMeta.findUnique({ where: { key: "only-in-first" } })).resolves.not.toBeNull();
  });

  it("keeps answering after a statement fails (the embedded server reconnects cleanly)", async () => {
    await first.prisma.appMeta.create({ data: { key: "unique", value: "1" } });
    await expect(first.prisma.appMeta.create({ data: { key: "unique", value: "2" } })).rejects.toThrow();
    await expect(first.prisma.appMeta.findUnique({ where: { key: "unique" } })).resolves.toMatchObject({ value: "1" });
  });

  it("throws the database away on close", async () => {
    const throwaway = await createTestDatabase();
    await throwaway.prisma.appMeta.create({ data: { key: "gone", value: "1" } });
    await throwaway.close();
    const fresh = await createTestDatabase();
    try {
      await expect(fresh.prisma.appMeta.count()).resolves.toBe(0);
      if (throwaway.kind === "postgres") {
        const name = new URL(throwaway.url).pathname.slice(1);
        const rows = await fresh.prisma.$queryRawUnsafe<unknown[]>(
          "SELECT 1 FROM pg_database WHERE datname = $1",
          name,
        );
        expect(rows).toEqual([]);
      }
    } finally {
      await fresh.close();
    }
  });
});
