import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it, vi } from "vitest";
import { createUser } from "../notifier/testing/fixtures.ts";
import { fixedClock } from "../shared/clock.ts";
import { domainCodeOf as domainCode } from "../shared/testing-domain-code.ts";
import { deleteExpiredIdempotencyKeys } from "./delete-expired-idempotency-keys.ts";
import { runIdempotent } from "./run-idempotent.ts";
import { IDEMPOTENCY_KEY_TTL_MS } from "./schemas.ts";

const NOW = new Date("2026-06-01T09:00:00Z");

type Created = { id: string; createdAt: Date };

describe("runIdempotent", () => {
  const database = useTestDatabase();

  /** A create that writes one app_meta row and returns a Date (so the round trip must keep types). */
  function createOnce(userId: string, key: string, request: unknown = { name: "Report" }, clock = fixedClock(NOW)) {
    const { prisma } = database();
    let executed = 0;
    const run = () =>
      runIdempotent<Created>({
        db: prisma,
        actorId: userId,
        key,
        procedure: "test.create",
        request,
        clock,
        async execute(tx) {
          executed += 1;
          const row = await tx.appMeta.create({ data: { key: `row-${crypto.randomUUID()}`, value: key } });
          return { id: row.key, createdAt: new Date(NOW) };
        },
        serialize: (result) => ({ id: result.id, createdAt: result.createdAt.toISOString() }),
        deserialize: (stored) => {
          const { id, createdAt } = stored as { id: string; createdAt: string };
          return { id, createdAt: new Date(createdAt) };
        },
      });
    return { run, executed: () => executed };
  }
  const rowsWritten = (key: string) => database().prisma.appMeta.count({ where: { value: key } });

  it("runs once; a retry with the same key and request replays the first result and writes nothing", async () => {
    const user = await createUser(database().prisma);
    const create = createOnce(user.id, "key-replay");
    const first = await create.run();
    const second = await create.run();
    expect(first).toMatchObject({ replayed: false });
    expect(second).toEqual({ result: first.result, replayed: true });
    expect(second.result.createdAt).toBeInstanceOf(Date);
    expect(create.executed()).toBe(1);
    expect(await rowsWritten("key-replay")).toBe(1);
  });

  it("treats requests that differ only in key order as the same request", async () => {
    const user = await createUser(database().prisma);
    const first = await createOnce(user.id, "key-order", { a: 1, b: { c: 2, d: 3 } }).run();
    const again = await createOnce(user.id, "key-order", { b: { d: 3, c: 2 }, a: 1 }).run();
    expect(again).toEqual({ result: first.result, replayed: true });
  });

  it("refuses the same key with another request or another procedure, and writes nothing", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    await createOnce(user.id, "key-reused", { name: "Report" }).run();
    expect(await domainCode(createOnce(user.id, "key-reused", { name: "Other" }).run())).toBe(
      "common.idempotency_key_reused",
    );
    const otherProcedure = runIdempotent({
      db: prisma,
      actorId: user.id,
      key: "key-reused",
      procedure: "test.other",
      request: { name: "Report" },
      clock: fixedClock(NOW),
      execute: async () => "never",
      serialize: (result) => result,
      deserialize: (stored) => stored as string,
    });
    expect(await domainCode(otherProcedure)).toBe("common.idempotency_key_reused");
    expect(await rowsWritten("key-reused")).toBe(1);
  });

  it("keeps each person's keys apart", async () => {
    const { prisma } = database();
    const alice = await createUser(prisma);
    const bob = await createUser(prisma);
    const forAlice = await createOnce(alice.id, "key-shared").run();
    const forBob = await createOnce(bob.id, "key-shared", { name: "Something else" }).run();
    expect(forBob.replayed).toBe(false);
    expect(forBob.result.id).not.toBe(forAlice.result.id);
  });

  it("stores nothing when the create fails, so the retry runs", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    const failing = runIdempotent<string>({
      db: prisma,
      actorId: user.id,
      key: "key-failed",
      procedure: "test.create",
      request: { name: "Report" },
      clock: fixedClock(NOW),
      async execute(tx) {
        await tx.appMeta.create({ data: { key: "half-done", value: "key-failed" } });
        throw new Error("the write failed");
      },
      serialize: (result) => result,
      deserialize: (stored) => stored as string,
    });
    await expect(failing).rejects.toThrow("the write failed");
    expect(await rowsWritten("key-failed")).toBe(0);
    expect(await prisma.idempotencyKey.count({ where: { userId: user.id } })).toBe(0);

    const retry = await createOnce(user.id, "key-failed").run();
    expect(retry.replayed).toBe(false);
    expect(await rowsWritten("key-failed")).toBe(1);
  });

  it("answers as new after 24 hours, and the cleanup deletes only expired keys", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    const clock = fixedClock(NOW);
    const first = await createOnce(user.id, "key-expiry", { name: "Report" }, clock).run();
    await createOnce(user.id, "key-old", { name: "Report" }, clock).run();

    clock.advance(IDEMPOTENCY_KEY_TTL_MS - 1);
    expect((await createOnce(user.id, "key-expiry", { name: "Report" }, clock).run()).replayed).toBe(true);
    clock.advance(1);
    // Expired: it may even carry another request now, and records that one.
    const later = await createOnce(user.id, "key-expiry", { name: "New" }, clock).run();
    expect(later.replayed).toBe(false);
    expect(later.result.id).not.toBe(first.result.id);
    expect((await createOnce(user.id, "key-expiry", { name: "New" }, clock).run()).result).toEqual(later.result);

    // "key-old" is 24 hours old now; "key-expiry" was just taken over.
    const { deleted } = await deleteExpiredIdempotencyKeys({ db: prisma, clock });
    expect(deleted).toBeGreaterThanOrEqual(1);
    const left = await prisma.idempotencyKey.findMany({ where: { userId: user.id }, select: { createdAt: true } });
    expect(left).toEqual([{ createdAt: clock.now() }]);
  });

  it("keeps neither the key nor the result readable in the database", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    const { result } = await createOnce(user.id, "key-secret-0123456789").run();
    const [row] = await prisma.idempotencyKey.findMany({ where: { userId: user.id } });
    expect(row?.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain("key-secret-0123456789");
    expect(Buffer.from(row?.response ?? []).toString("latin1")).not.toContain(result.id);
  });

  it("refuses keys that are empty, only spaces, longer than 255 or not printable", async () => {
    const user = await createUser(database().prisma);
    for (const key of ["", "   ", "x".repeat(256), "tab\there", "new\nline", "caf\u00e9", "nul\u0000"]) {
      expect(await domainCode(createOnce(user.id, key).run())).toBe("common.invalid_idempotency_key");
    }
    expect((await createOnce(user.id, "x".repeat(255)).run()).replayed).toBe(false);
  });

  it("runs two concurrent identical requests once: the second waits and replays the first", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let executed = 0;
    const run = () =>
      runIdempotent({
        db: prisma,
        actorId: user.id,
        key: "key-concurrent",
        procedure: "test.create",
        request: { name: "Report" },
        clock: fixedClock(NOW),
        async execute(tx) {
          executed += 1;
          await held;
          const row = await tx.appMeta.create({ data: { key: `row-${crypto.randomUUID()}`, value: "key-concurrent" } });
          return row.key;
        },
        serialize: (result) => result,
        deserialize: (stored) => stored as string,
      });
    const first = run();
    // The first holds its claim (uncommitted) while the second arrives.
    await vi.waitFor(() => expect(executed).toBe(1));
    const second = run();
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(a.result).toBe(b.result);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(executed).toBe(1);
    expect(await rowsWritten("key-concurrent")).toBe(1);
  });
});
