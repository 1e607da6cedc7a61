import { describe, expect, it } from "vitest";
import { countQueries } from "./count-queries.ts";
import { useTestDatabase } from "./use-test-database.ts";

describe("countQueries", () => {
  const database = useTestDatabase();

  it("counts each statement Prisma sends, and only inside the callback", async () => {
    const { prisma, pool } = database();
    await prisma.appMeta.create({ data: { key: "a", value: "1" } });
    const { result, queries } = await countQueries(pool, async () => {
      await prisma.appMeta.findMany();
      return prisma.appMeta.count();
    });
    expect(result).toBe(1);
    expect(queries).toBe(2);
    const outside = await countQueries(pool, async () => undefined);
    expect(outside.queries).toBe(0);
  });

  it("counts the statements of an interactive transaction", async () => {
    const { prisma, pool } = database();
    const { queries } = await countQueries(pool, () =>
      prisma.$transaction(async (tx) => {
        await tx.appMeta.create({ data: { key: "b", value: "1" } });
        await tx.appMeta.update({ where: { key: "b" }, data: { value: "2" } });
        await tx.$executeRaw`SELECT 1`;
      }),
    );
    // BEGIN, three statements, COMMIT.
    expect(queries).toBe(5);
  });
});
