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

  it("turns a write that refers to a row deleted meanwhile into NOT_FOUND, naming the field", async () => {
    // A task created while its planner is deleted (the fuzz suite saw the race as a 500).
    const user = await database().prisma.user.create({ data: { name: "Raced", email: "raced@example.com" } });
    const error = await database()
      .prisma.task.create({
        data: { userId: user.id, summary: "x", order: 1, plannerId: "00000000-0000-7000-8000-000000000001" },
      })
      .catch((e: unknown) => e);
    expect(domainErrorFromPrisma(error)).toMatchObject({
      kind: "NOT_FOUND",
      code: "common.reference_not_found",
      details: { field: "plannerId" },
    });
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
