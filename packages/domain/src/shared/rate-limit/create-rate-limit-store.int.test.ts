import { randomUUID } from "node:crypto";
import { createTestDatabase, useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it, vi } from "vitest";
import { createRateLimitStore } from "./create-rate-limit-store.ts";

describe("createRateLimitStore", () => {
  const database = useTestDatabase();
  const freshName = () => `test_${randomUUID().slice(0, 8)}`;

  it("counts hits per key in the database and refuses those over the limit until the window ends", async () => {
    const limit = createRateLimitStore({ db: database().prisma }).limit({
      name: freshName(),
      points: 2,
      windowSeconds: 60,
    });

    expect(await limit.consume("ada")).toEqual({
      allowed: true,
      limit: 2,
      remaining: 1,
      resetSeconds: 60,
      windowSeconds: 60,
    });
    expect(await limit.consume("ada")).toMatchObject({ allowed: true, remaining: 0 });
    const refused = await limit.consume("ada");
    expect(refused).toMatchObject({ allowed: false, remaining: 0, limit: 2 });
    expect(refused.resetSeconds).toBeGreaterThan(0);
    expect(refused.resetSeconds).toBeLessThanOrEqual(60);

    expect(await limit.consume("bob")).toMatchObject({ allowed: true, remaining: 1 });
  });

  it("shares its counts with every other store on the same database, as server processes do", async () => {
    const name = freshName();
    const options = { name, points: 3, windowSeconds: 60 };
    const first = createRateLimitStore({ db: database().prisma }).limit(options);
    const second = createRateLimitStore({ db: database().prisma }).limit(options);

    await first.consume("ada");
    await second.consume("ada");
    expect(await first.consume("ada")).toMatchObject({ allowed: true, remaining: 0 });
    expect(await second.consume("ada")).toMatchObject({ allowed: false });

    const [row] = await database().prisma.rateLimitBucket.findMany({ where: { key: `${name}:ada` } });
    expect(row?.points).toBe(4);
  });

  it("counts several hits at once, and forgets a key when reset", async () => {
    const limit = createRateLimitStore({ db: database().prisma }).limit({
      name: freshName(),
      points: 5,
      windowSeconds: 60,
    });
    expect(await limit.consume("ada", 5)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await limit.consume("ada")).toMatchObject({ allowed: false });
    await limit.reset("ada");
    expect(await limit.consume("ada")).toMatchObject({ allowed: true, remaining: 4 });
  });

  it("starts counting again when the window has passed", async () => {
    const limit = createRateLimitStore({ db: database().prisma }).limit({
      name: freshName(),
      points: 1,
      windowSeconds: 1,
    });
    await limit.consume("ada");
    expect(await limit.consume("ada")).toMatchObject({ allowed: false, resetSeconds: 1 });
    // Refused hits are answered from memory until the window ends, so polling adds no count.
    await expect.poll(async () => (await limit.consume("ada")).allowed, { timeout: 5_000, interval: 100 }).toBe(true);
  });

  it("keeps limiting in memory, and says so once, while the database does not answer", async () => {
    const onUnavailable = vi.fn();
    const limit = createRateLimitStore({ db: database().prisma, timeoutMs: 100, onUnavailable }).limit({
      name: freshName(),
      points: 2,
      windowSeconds: 60,
    });
    // A transaction holding the counters' table stands in for a database that hangs.
    let locked = false;
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const transaction = database().prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe('LOCK TABLE "rate_limit_buckets" IN ACCESS EXCLUSIVE MODE');
        locked = true;
        await held;
      },
      { timeout: 30_000 },
    );
    try {
      await vi.waitFor(() => expect(locked).toBe(true));
      expect(await limit.consume("ada")).toMatchObject({ allowed: true, remaining: 1 });
      expect(await limit.consume("ada")).toMatchObject({ allowed: true, remaining: 0 });
      expect(await limit.consume("ada")).toMatchObject({ allowed: false });
    } finally {
      release();
      await transaction;
    }
    expect(onUnavailable).toHaveBeenCalledTimes(1);
  });

  it("answers from memory when the database is gone altogether", async () => {
    const gone = await createTestDatabase();
    await gone.close();
    const onUnavailable = vi.fn();
    const limit = createRateLimitStore({ db: gone.prisma, onUnavailable }).limit({
      name: freshName(),
      points: 1,
      windowSeconds: 60,
    });
    expect(await limit.consume("ada")).toMatchObject({ allowed: true });
    expect(await limit.consume("ada")).toMatchObject({ allowed: false });
    expect(onUnavailable).toHaveBeenCalledTimes(1);
  });
});
