import { createServer, type Server } from "node:net";
import { createDatabase, type Database } from "@agendacraft/db/client";
import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseUnavailableError } from "./database-unavailable.ts";
import { domainErrorFromPrisma } from "./errors.ts";

/** A loopback server that accepts connections and drops them at once, as a database crashing would. */
async function startDroppingServer(): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A port nothing listens on: connections are refused. */
async function closedPort(): Promise<number> {
  const probe = await startDroppingServer();
  await probe.close();
  return probe.port;
}

const queries = {
  "a model query": (db: Database) => db.prisma.user.count(),
  "a raw query": (db: Database) => db.prisma.$queryRawUnsafe("SELECT 1"),
  "an interactive transaction": (db: Database) => db.prisma.$transaction((tx) => tx.user.count()),
};

describe("isDatabaseUnavailableError on real failures", () => {
  const database = useTestDatabase();
  let refused: Database;
  let dropping: Awaited<ReturnType<typeof startDroppingServer>>;
  let dropped: Database;

  beforeAll(async () => {
    refused = await createDatabase({ url: `postgresql://postgres@127.0.0.1:${await closedPort()}/none` });
    dropping = await startDroppingServer();
    dropped = await createDatabase({ url: `postgresql://postgres@127.0.0.1:${dropping.port}/none` });
  });
  afterAll(async () => {
    await refused?.close();
    await dropped?.close();
    await dropping?.close();
  });

  it.each(["refused", "dropped"] as const)(
    "maps every kind of query on a %s connection to common.unavailable",
    async (how) => {
      const db = how === "refused" ? refused : dropped;
      for (const [label, query] of Object.entries(queries)) {
        const error = await query(db).then(
          () => null,
          (e: unknown) => e,
        );
        expect(isDatabaseUnavailableError(error), label).toBe(true);
        expect(domainErrorFromPrisma(error), label).toMatchObject({
          kind: "UNAVAILABLE",
          code: "common.unavailable",
          details: { retryAfterSeconds: 5 },
        });
      }
    },
  );

  it("leaves the errors of a working database alone", async () => {
    const { prisma } = database();
    await prisma.appMeta.create({ data: { key: "once", value: "1" } });
    const duplicate = await prisma.appMeta.create({ data: { key: "once", value: "2" } }).catch((e: unknown) => e);
    const badSql = await prisma.$queryRawUnsafe("SELECT * FROM no_such_table").catch((e: unknown) => e);
    const badCast = await prisma.$queryRawUnsafe("SELECT 'x'::int").catch((e: unknown) => e);
    for (const error of [duplicate, badSql, badCast]) expect(isDatabaseUnavailableError(error)).toBe(false);
    expect(domainErrorFromPrisma(duplicate)).toMatchObject({ kind: "CONFLICT" });
  });
});
