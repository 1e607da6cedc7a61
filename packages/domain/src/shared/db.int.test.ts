import { Prisma } from "@agendacraft/db/prisma";
import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { withTransaction } from "./db.ts";
import { domainErrorFromPrisma } from "./errors.ts";

/** What Prisma throws when PostgreSQL aborts a transaction as a deadlock's victim (40P01) or for a write conflict. */
function writeConflict() {
  return new Prisma.PrismaClientKnownRequestError(
    "Transaction failed due to a write conflict or a deadlock. Please retry your transaction",
    { code: "P2034", clientVersion: Prisma.prismaVersion.client },
  );
}

/** The same abort met by a raw query (`$queryRaw`): Prisma reports it as P2010 with the SQLSTATE in the message. */
function rawQueryDeadlock() {
  return new Prisma.PrismaClientKnownRequestError(
    "Invalid `prisma.$queryRaw()` invocation: Raw query failed. Code: `40P01`. Message: `deadlock detected`",
    {
      code: "P2010",
      clientVersion: Prisma.prismaVersion.client,
      meta: { code: "40P01", message: "deadlock detected" },
    },
  );
}

/**
 * PostgreSQL resolves a deadlock by aborting one of the transactions; the fuzz suite met one
 * (two planner deletes and a task create in one batch) as a 500. The aborted transaction
 * left nothing behind, so it is simply run again. The embedded database cannot deadlock
 * (one session), so the abort is thrown here by the work itself, inside a real transaction.
 */
describe("withTransaction", () => {
  const database = useTestDatabase();

  it("runs a transaction again when it was aborted for a deadlock, keeping only the last run's writes", async () => {
    const { prisma } = database();
    let runs = 0;
    const result = await withTransaction(prisma, async (tx) => {
      runs += 1;
      await tx.appMeta.create({ data: { key: `attempt-${runs}`, value: "written" } });
      if (runs < 3) throw writeConflict();
      return "done";
    });
    expect(result).toBe("done");
    expect(runs).toBe(3);
    const rows = await prisma.appMeta.findMany({ where: { key: { startsWith: "attempt-" } } });
    expect(rows.map((row) => row.key)).toEqual(["attempt-3"]);
  });

  it("runs again when a raw query was the deadlock's victim (the fuzz met one in notifier.settings.update)", async () => {
    let runs = 0;
    const result = await withTransaction(database().prisma, async () => {
      runs += 1;
      if (runs < 2) throw rawQueryDeadlock();
      return "done";
    });
    expect(result).toBe("done");
    expect(runs).toBe(2);
    expect(domainErrorFromPrisma(rawQueryDeadlock())).toMatchObject({
      kind: "CONFLICT",
      code: "common.write_conflict",
    });
  });

  it("gives up after a few runs, as a conflict the caller may retry", async () => {
    let runs = 0;
    const error = await withTransaction(database().prisma, async () => {
      runs += 1;
      throw writeConflict();
    }).catch((e: unknown) => e);
    expect(runs).toBe(4);
    expect(domainErrorFromPrisma(error)).toMatchObject({ kind: "CONFLICT", code: "common.write_conflict" });
  });

  it("does not run again for any other error, nor inside a transaction it did not open", async () => {
    const { prisma } = database();
    let runs = 0;
    await expect(
      withTransaction(prisma, async () => {
        runs += 1;
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(runs).toBe(1);

    let inner = 0;
    await expect(
      prisma.$transaction(async (tx) =>
        withTransaction(tx, async () => {
          inner += 1;
          throw writeConflict();
        }),
      ),
    ).rejects.toMatchObject({ code: "P2034" });
    expect(inner).toBe(1);
  });
});
