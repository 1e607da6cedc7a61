import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { DomainError, domainErrorFromPrisma, isDomainError } from "./errors.ts";

describe("domainErrorFromPrisma", () => {
  const database = useTestDatabase();

  it("turns a real unique-constraint violation into a CONFLICT", async () => {
    await database().prisma.appMeta.create({ data: { key: "dup", value: "1" } });
    const error = await database()
      .prisma.appMeta.create({ data: { key: "dup", value: "2" } })
      .catch((e: unknown) => e);
    const mapped = domainErrorFromPrisma(error);
    expect(mapped).toBeInstanceOf(DomainError);
    expect(mapped).toMatchObject({ kind: "CONFLICT", code: "common.already_exists" });
    expect(mapped?.cause).toBe(error);
  });

  it("turns an update of a missing row into NOT_FOUND", async () => {
    const error = await database()
      .prisma.appMeta.update({ where: { key: "missing" }, data: { value: "x" } })
      .catch((e) => e);
    expect(domainErrorFromPrisma(error)).toMatchObject({ kind: "NOT_FOUND", code: "common.not_found" });
  });

  it("leaves every other error alone, so it stays internal", async () => {
    const error = await database()
      .prisma.$queryRawUnsafe("SELECT * FROM no_such_table")
      .catch((e) => e);
    expect(domainErrorFromPrisma(error)).toBeNull();
    expect(domainErrorFromPrisma(new Error("boom"))).toBeNull();
    expect(isDomainError(error)).toBe(false);
  });
});
