import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { checkReadiness } from "./check-readiness.ts";

describe("checkReadiness", () => {
  const database = useTestDatabase();

  it("is ready when the database answers and every migration is applied", async () => {
    const readiness = await checkReadiness({ db: database().prisma });
    expect(readiness.ready).toBe(true);
    expect(readiness.checks.map((check) => [check.name, check.ok])).toEqual([
      ["database", true],
      ["migrations", true],
    ]);
  });

  it("is not ready when a migration is missing, and names it", async () => {
    const [latest] = await database().prisma.$queryRawUnsafe<[{ migration_name: string }]>(
      "SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1",
    );
    await database().prisma.$executeRawUnsafe(
      "UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = $1",
      latest.migration_name,
    );
    try {
      const readiness = await checkReadiness({ db: database().prisma });
      expect(readiness.ready).toBe(false);
      const migrations = readiness.checks.find((check) => check.name === "migrations");
      expect(migrations?.ok).toBe(false);
      expect(migrations?.detail).toContain(latest.migration_name);
    } finally {
      await database().prisma.$executeRawUnsafe(
        "UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = $1",
        latest.migration_name,
      );
    }
  });

  it("includes extra probes, reports why one failed without leaking connection strings", async () => {
    const readiness = await checkReadiness({
      db: database().prisma,
      probes: [
        {
          name: "queue",
          run: () => Promise.reject(new Error("cannot reach postgresql://user:secret@db:5432/x\nstack")),
        },
      ],
    });
    expect(readiness.ready).toBe(false);
    const queue = readiness.checks.find((check) => check.name === "queue");
    expect(queue).toMatchObject({ ok: false, detail: "cannot reach <url>" });
  });

  it("fails a probe that does not answer in time instead of hanging", async () => {
    const readiness = await checkReadiness({
      db: database().prisma,
      timeoutMs: 50,
      probes: [{ name: "stuck", run: () => new Promise(() => {}) }],
    });
    expect(readiness.checks.find((check) => check.name === "stuck")).toMatchObject({
      ok: false,
      detail: "no answer within 50 ms",
    });
  });
});
