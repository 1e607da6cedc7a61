import { AsyncLocalStorage } from "node:async_hooks";
import { describe, expect, it } from "vitest";
import { onQuery, type QueryEvent } from "./query-events.ts";
import { useTestDatabase } from "./testing/use-test-database.ts";

describe("onQuery", () => {
  const database = useTestDatabase();

  it("reports each statement with its time, in the async context of the code that ran it", async () => {
    const context = new AsyncLocalStorage<string>();
    const seen: (QueryEvent & { context: string | undefined })[] = [];
    onQuery(database().prisma, (event) => seen.push({ ...event, context: context.getStore() }));

    // Awaited inside: a Prisma query starts when awaited, not when built.
    await context.run("first caller", async () => {
      await database().prisma.appMeta.findMany({ where: { key: "nothing" } });
    });
    await context.run("second caller", async () => {
      await database().prisma.$transaction(async (tx) => tx.$queryRaw`SELECT 1 AS one`);
    });

    const select = seen.find((event) => event.query.includes('"app_meta"'));
    expect(select).toMatchObject({ context: "first caller", query: expect.stringContaining("$1") });
    expect(select?.durationMs).toBeGreaterThanOrEqual(0);
    expect(seen.find((event) => event.query.includes("SELECT 1 AS one"))).toMatchObject({ context: "second caller" });
    // Parameter values never reach the listener.
    expect(JSON.stringify(seen)).not.toContain("nothing");
  });
});
