import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/use-test-database.ts";
import { createJobQueue, type JobQueue } from "./create-job-queue.ts";
import { anyJobType } from "./testing/any-job-type.ts";
import type { QueueOptions } from "./types.ts";

/** Jobs are picked up by polling (every 0.5 s here); a wait leaves room for a busy machine. */
const WAIT = { timeout: 15_000, interval: 50 };

const NO_RETRY: QueueOptions = { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 30 };

describe("job queue stats", () => {
  const database = useTestDatabase();
  let queue: JobQueue;

  beforeAll(async () => {
    queue = createJobQueue({ pool: database().pool, stopTimeoutMs: 2_000 });
    await queue.start();
  });
  afterAll(async () => {
    await queue?.stop();
  });

  it("counts waiting and deferred jobs per queue, without listing dead-letter queues themselves", async () => {
    await queue.defineQueue("stats.waiting", NO_RETRY);
    await queue.send(anyJobType("stats.waiting"), { n: 1 });
    await queue.send(anyJobType("stats.waiting"), { n: 2 });
    await queue.send(anyJobType("stats.waiting"), { n: 3 }, { startAfter: new Date(Date.now() + 3_600_000) });

    const stats = await queue.stats();
    expect(stats.find((each) => each.queue === "stats.waiting")).toEqual({
      queue: "stats.waiting",
      queued: 2,
      deferred: 1,
      active: 0,
      deadLetters: 0,
    });
    expect(stats.map((each) => each.queue)).not.toContain("stats.waiting.dead");
    expect(stats.map((each) => each.queue).filter((name) => name.startsWith("__pgboss__"))).toEqual([]);
  });

  it("counts a job that used up its retries as a dead letter of its queue until it is retried", async () => {
    await queue.defineQueue("stats.failing", NO_RETRY);
    await queue.work(
      "stats.failing",
      async () => {
        throw new Error("always fails");
      },
      { pollingIntervalSeconds: 0.5 },
    );
    await queue.send(anyJobType("stats.failing"), {});

    await expect
      .poll(async () => (await queue.stats()).find((each) => each.queue === "stats.failing"), WAIT)
      .toMatchObject({ queued: 0, deferred: 0, active: 0, deadLetters: 1 });

    const [letter] = await queue.listDeadLetters({ queue: "stats.failing" });
    if (!letter) throw new Error("no dead letter listed");
    await queue.retryDeadLetter(letter.id);
    // The retried job fails again and comes back as a new dead letter; the old one is gone.
    await expect
      .poll(async () => (await queue.listDeadLetters({ queue: "stats.failing" })).map((each) => each.id), WAIT)
      .toEqual([expect.not.stringMatching(letter.id)]);
    expect((await queue.stats()).find((each) => each.queue === "stats.failing")?.deadLetters).toBe(1);
  });
});
