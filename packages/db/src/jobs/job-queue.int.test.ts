import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "../testing/use-test-database.ts";
import { createJobQueue, type JobQueue } from "./create-job-queue.ts";
import { RetryLaterError } from "./retry-later-error.ts";
import { anyJobType } from "./testing/any-job-type.ts";
import type { Job, QueueOptions } from "./types.ts";

const FAST: QueueOptions = { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 30 };
const POLL = { pollingIntervalSeconds: 0.5 };
/** Jobs are picked up by polling (every 0.5 s here); a wait leaves room for a busy machine. */
const WAIT = { timeout: 15_000, interval: 50 };

describe("createJobQueue", () => {
  const database = useTestDatabase();
  let queue: JobQueue;

  beforeAll(async () => {
    queue = createJobQueue({ pool: database().pool, stopTimeoutMs: 2_000 });
    await queue.start();
  });
  afterAll(async () => {
    await queue?.stop();
  });

  async function jobRow(name: string, id: string) {
    const { rows } = await database().pool.query<{ state: string; retry_count: number }>(
      "SELECT state, retry_count FROM pgboss.job WHERE name = $1 AND id = $2",
      [name, id],
    );
    return rows[0];
  }

  async function jobCount(name: string) {
    const { rows } = await database().pool.query<{ count: string }>("SELECT count(*) FROM pgboss.job WHERE name = $1", [
      name,
    ]);
    return Number(rows[0]?.count);
  }

  it("installs pg-boss's own schema on start, and starting again changes nothing", async () => {
    await queue.start();
    const { rows } = await database().pool.query("SELECT version FROM pgboss.version");
    expect(rows).toHaveLength(1);
    await expect(queue.probe()).resolves.toBeUndefined();
  });

  it("runs the handler of a job that was sent", async () => {
    await queue.defineQueue("test.echo", FAST);
    const seen: Job<{ word: string }>[] = [];
    await queue.work<{ word: string }>(
      "test.echo",
      async (job) => {
        seen.push(job);
      },
      POLL,
    );
    const id = await queue.send(anyJobType("test.echo"), { word: "hello" });
    await vi.waitFor(() => expect(seen.map((each) => each.id)).toContain(id), WAIT);
    expect(seen.find((each) => each.id === id)).toMatchObject({
      name: "test.echo",
      data: { word: "hello" },
      retryCount: 0,
    });
    await expect.poll(async () => (await jobRow("test.echo", id as string))?.state, WAIT).toBe("completed");
  });

  it("runs a job with startAfter after that time, not before", async () => {
    await queue.defineQueue("test.later", FAST);
    const ranAt = new Map<string, number>();
    await queue.work(
      "test.later",
      async (job) => {
        ranAt.set(job.id, Date.now());
      },
      POLL,
    );
    const startAfter = new Date(Date.now() + 1_000);
    const id = await queue.send(anyJobType("test.later"), { n: 1 }, { startAfter });
    // Whenever the worker runs it, that is not before startAfter: no sleep and no `if` needed.
    await vi.waitFor(() => expect(ranAt.has(id as string)).toBe(true), WAIT);
    expect(ranAt.get(id as string)).toBeGreaterThanOrEqual(startAfter.getTime());
  });

  it("sends through a Prisma transaction: a rollback leaves no job, a commit leaves one", async () => {
    await queue.defineQueue("test.tx", FAST);
    const { prisma } = database();

    await expect(
      prisma.$transaction(async (tx) => {
        await tx.appMeta.create({ data: { key: "jobs-rolled-back", value: "1" } });
        await queue.send(anyJobType("test.tx"), { outcome: "rollback" }, { tx });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await jobCount("test.tx")).toBe(0);
    expect(await prisma.appMeta.findUnique({ where: { key: "jobs-rolled-back" } })).toBeNull();

    const id = await prisma.$transaction(async (tx) => {
      await tx.appMeta.create({ data: { key: "jobs-committed", value: "1" } });
      return queue.send(anyJobType("test.tx"), { outcome: "commit", nested: { list: [1, 2] } }, { tx });
    });
    expect(id).toEqual(expect.any(String));
    expect(await jobCount("test.tx")).toBe(1);
    const { rows } = await database().pool.query("SELECT data FROM pgboss.job WHERE id = $1", [id]);
    expect(rows[0]?.data).toEqual({ outcome: "commit", nested: { list: [1, 2] } });
  });

  it("cancels a scheduled job so it never runs, also inside a transaction", async () => {
    await queue.defineQueue("test.cancel", FAST);
    const ran: string[] = [];
    await queue.work(
      "test.cancel",
      async (job) => {
        ran.push(job.id);
      },
      POLL,
    );
    const startAfter = new Date(Date.now() + 3_000);
    const first = await queue.send(anyJobType("test.cancel"), { n: 1 }, { startAfter });
    const second = await queue.send(anyJobType("test.cancel"), { n: 2 }, { startAfter });
    if (!first || !second) throw new Error("no job id");

    expect(await queue.cancel(anyJobType("test.cancel"), first)).toBe(true);
    expect(await database().prisma.$transaction((tx) => queue.cancel(anyJobType("test.cancel"), second, { tx }))).toBe(
      true,
    );
    expect(await queue.cancel(anyJobType("test.cancel"), first)).toBe(false);

    // A job sent after them, due at the same time, runs: so the worker did look.
    const witness = await queue.send(anyJobType("test.cancel"), { n: 3 }, { startAfter });
    await vi.waitFor(() => expect(ran).toContain(witness), WAIT);
    // The worker fetched past the cancelled jobs; a cancelled job is never fetched again.
    expect(ran).toEqual([witness]);
    expect((await jobRow("test.cancel", first))?.state).toBe("cancelled");
    expect((await jobRow("test.cancel", second))?.state).toBe("cancelled");
  });

  it("sends many jobs in one call through a transaction, each with its own data and start, and cancels many", async () => {
    await queue.defineQueue("test.many", { ...FAST, retryLimit: 4 });
    const { prisma } = database();
    const later = new Date(Date.now() + 3_600_000);

    await expect(
      prisma.$transaction(async (tx) => {
        await queue.sendMany(anyJobType("test.many"), [{ data: { n: 0 } }], { tx });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await jobCount("test.many")).toBe(0);

    const jobs = Array.from({ length: 500 }, (_, n) => ({
      data: { n },
      startAfter: new Date(later.getTime() + n * 1000),
    }));
    const ids = await prisma.$transaction((tx) => queue.sendMany(anyJobType("test.many"), jobs, { tx }));
    expect(ids).toHaveLength(500);
    expect(new Set(ids).size).toBe(500);
    const { rows } = await database().pool.query<{
      id: string;
      data: { n: number };
      start_after: Date;
      retry_limit: number;
    }>("SELECT id, data, start_after, retry_limit FROM pgboss.job WHERE name = $1", ["test.many"]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    ids.forEach((id, n) => {
      const row = byId.get(id as string);
      expect(row?.data).toEqual({ n });
      expect(row?.start_after).toEqual(new Date(later.getTime() + n * 1000));
      // The queue's options apply as they do to a single send.
      expect(row?.retry_limit).toBe(4);
    });

    const some = ids.slice(0, 200) as string[];
    expect(await prisma.$transaction((tx) => queue.cancelMany(anyJobType("test.many"), some, { tx }))).toBe(200);
    expect(await queue.cancelMany(anyJobType("test.many"), some)).toBe(0);
    expect(await queue.cancelMany(anyJobType("test.many"), [])).toBe(0);
    expect((await jobRow("test.many", some[0] as string))?.state).toBe("cancelled");
    expect((await jobRow("test.many", ids[200] as string))?.state).toBe("created");
    await expect(queue.sendMany(anyJobType("test.many"), [])).resolves.toEqual([]);
  });

  it("sendMany answers null for a job the policy dropped and refuses a queue nobody defined", async () => {
    await queue.defineQueue("test.many-short", { ...FAST, policy: "short" });
    const startAfter = new Date(Date.now() + 60_000);
    const [one, two, other] = await queue.sendMany(anyJobType("test.many-short"), [
      { data: { n: 1 }, singletonKey: "a", startAfter },
      { data: { n: 2 }, singletonKey: "a", startAfter },
      { data: { n: 3 }, singletonKey: "b", startAfter },
    ]);
    // Which of two duplicates in one batch is kept is up to the database; exactly one is.
    expect([one, two].filter((id) => id === null)).toHaveLength(1);
    expect(other).toEqual(expect.any(String));
    const { rows } = await database().pool.query<{ id: string }>("SELECT id FROM pgboss.job WHERE name = $1", [
      "test.many-short",
    ]);
    expect(rows.map((row) => row.id).sort()).toEqual([one ?? two, other].sort());
    await expect(queue.sendMany(anyJobType("test.many-undefined"), [{ data: { n: 1 } }])).rejects.toThrow(
      /no job queue named "test.many-undefined"/,
    );
  });

  it("refuses to send to a queue nobody defined", async () => {
    await expect(queue.send(anyJobType("test.undefined"), { n: 1 })).rejects.toThrow(
      /no job queue named "test.undefined"/,
    );
  });

  it("drops a duplicate singletonKey on a queue with the short policy", async () => {
    await queue.defineQueue("test.short", { ...FAST, policy: "short" });
    const startAfter = new Date(Date.now() + 60_000);
    const first = await queue.send(anyJobType("test.short"), { n: 1 }, { singletonKey: "task-1", startAfter });
    const duplicate = await queue.send(anyJobType("test.short"), { n: 2 }, { singletonKey: "task-1", startAfter });
    const other = await queue.send(anyJobType("test.short"), { n: 3 }, { singletonKey: "task-2", startAfter });
    expect(first).toEqual(expect.any(String));
    expect(duplicate).toBeNull();
    expect(other).toEqual(expect.any(String));
  });

  it("waits at least the Retry-After a failure asked for before retrying, and keeps its count", async () => {
    await queue.defineQueue("test.retry-later", { ...FAST, retryLimit: 2, retryDelay: 1 });
    const attempts: number[] = [];
    await queue.work(
      "test.retry-later",
      async (job) => {
        attempts.push(job.retryCount);
        throw new RetryLaterError(120, "the service asked us to wait");
      },
      POLL,
    );
    const id = (await queue.send(anyJobType("test.retry-later"), { n: 1 })) as string;
    await expect.poll(async () => (await jobRow("test.retry-later", id))?.state, WAIT).toBe("retry");
    // The queue first marks the failure with its own delay (1 s), then moves the retry to the
    // two minutes the failure asked for: wait for that second write rather than race it.
    const wait = async () =>
      (
        await database().pool.query<{ wait: number }>(
          "SELECT EXTRACT(epoch FROM start_after - now())::float AS wait FROM pgboss.job WHERE name = $1 AND id = $2",
          ["test.retry-later", id],
        )
      ).rows[0]?.wait ?? 0;
    await expect.poll(wait, WAIT).toBeGreaterThan(100);
    expect(await jobRow("test.retry-later", id)).toMatchObject({ state: "retry" });
    expect(attempts).toEqual([0]);
  });

  it("applies changed options when a queue is defined again", async () => {
    await queue.defineQueue("test.redefined", FAST);
    await queue.defineQueue("test.redefined", { ...FAST, retryLimit: 5, expireInSeconds: 120 });
    const { rows } = await database().pool.query(
      "SELECT retry_limit, expire_seconds, dead_letter FROM pgboss.queue WHERE name = $1",
      ["test.redefined"],
    );
    expect(rows[0]).toEqual({ retry_limit: 5, expire_seconds: 120, dead_letter: "test.redefined.dead" });
  });

  it("leaves a queue defined again with the same options untouched", async () => {
    await queue.defineQueue("test.unchanged", FAST);
    const read = async () =>
      (await database().pool.query("SELECT * FROM pgboss.queue WHERE name LIKE 'test.unchanged%' ORDER BY name")).rows;
    const before = await read();
    await queue.defineQueue("test.unchanged", FAST);
    expect(await read()).toEqual(before);
    expect(before.map((row) => row.name)).toEqual(["test.unchanged", "test.unchanged.dead"]);
  });

  it("rejects queue names pg-boss would accept but we cannot read back", async () => {
    await expect(queue.defineQueue("bad name", FAST)).rejects.toThrow(/not a queue name/);
  });
});

describe("stopping a job queue", () => {
  const database = useTestDatabase();

  it("waits for a running handler to finish, then reports not ready", async () => {
    const queue = createJobQueue({ pool: database().pool, stopTimeoutMs: 5_000 });
    try {
      await queue.start();
      await queue.defineQueue("test.slow", FAST);
      let started = false;
      let finished = false;
      let release: () => void = () => undefined;
      await queue.work(
        "test.slow",
        async () => {
          started = true;
          // Still running when stop() is called: the test waits for `started` and then stops.
          await new Promise<void>((resolve) => {
            release = resolve;
          });
          finished = true;
        },
        POLL,
      );
      const id = await queue.send(anyJobType("test.slow"), {});
      await vi.waitFor(() => expect(started).toBe(true), WAIT);
      const stopping = queue.stop();
      // The handler is released only once stop() has begun; the job still ends "completed"
      // (not abandoned for a retry) because stop() waits for it.
      expect(queue.state()).toBe("stopping");
      release();
      await stopping;
      expect(finished).toBe(true);
      const { rows } = await database().pool.query("SELECT state FROM pgboss.job WHERE id = $1", [id]);
      expect(rows[0]?.state).toBe("completed");
      await expect(queue.probe()).rejects.toThrow("job queue is stopped");
      await expect(queue.start()).rejects.toThrow(/create a new one/);
    } finally {
      await queue.stop();
    }
  });

  it("gives up on a handler that outlives the timeout: aborts it and fails the job so it runs again", async () => {
    const queue = createJobQueue({ pool: database().pool, stopTimeoutMs: 1_000 });
    try {
      await queue.start();
      await queue.defineQueue("test.stuck", { ...FAST, retryLimit: 3 });
      let signal: AbortSignal | undefined;
      await queue.work(
        "test.stuck",
        (job) => {
          signal = job.signal;
          return new Promise((_, reject) => job.signal.addEventListener("abort", () => reject(job.signal.reason)));
        },
        POLL,
      );
      const id = await queue.send(anyJobType("test.stuck"), {});
      await vi.waitFor(() => expect(signal).toBeDefined(), WAIT);
      await queue.stop();
      expect(signal?.aborted).toBe(true);
      const { rows } = await database().pool.query("SELECT state, output FROM pgboss.job WHERE id = $1", [id]);
      expect(rows[0]).toMatchObject({
        state: "retry",
        output: { message: "the job queue stopped before the job finished" },
      });
    } finally {
      await queue.stop();
    }
  });

  it("is not ready before start", async () => {
    const queue = createJobQueue({ pool: database().pool });
    await expect(queue.probe()).rejects.toThrow("job queue is not started");
    await expect(queue.work("test.echo", async () => undefined)).rejects.toThrow(/start\(\) the job queue/);
    await queue.stop();
  });
});
