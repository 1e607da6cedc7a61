import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "../testing/use-test-database.ts";
import { createJobQueue, type JobQueue } from "./create-job-queue.ts";
import { anyJobType } from "./testing/any-job-type.ts";

/** Jobs are picked up by polling (every 0.5 s here); a wait leaves room for a busy machine. */
const WAIT = { timeout: 15_000, interval: 50 };

describe("retries and dead letters", () => {
  const database = useTestDatabase();
  let queue: JobQueue;

  beforeAll(async () => {
    queue = createJobQueue({ pool: database().pool, stopTimeoutMs: 2_000 });
    await queue.start();
  });
  afterAll(async () => {
    await queue?.stop();
  });

  it("retries a failing job up to retryLimit, dead-letters it, and runs it again when retried", async () => {
    await queue.defineQueue("test.flaky", { retryLimit: 2, retryDelay: 0, retryBackoff: false, expireInSeconds: 30 });
    let failing = true;
    const attempts: { id: string; retryCount: number }[] = [];
    const succeeded: { id: string; data: unknown }[] = [];
    await queue.work(
      "test.flaky",
      async (job) => {
        attempts.push({ id: job.id, retryCount: job.retryCount });
        if (failing) throw new Error(`calendar unreachable (attempt ${job.retryCount + 1})`);
        succeeded.push({ id: job.id, data: job.data });
      },
      { pollingIntervalSeconds: 0.5 },
    );

    const id = await queue.send(anyJobType("test.flaky"), { taskId: "t-1", note: "x".repeat(300) });
    const [deadLetter] = await vi.waitFor(async () => {
      const letters = await queue.listDeadLetters({ queue: "test.flaky" });
      expect(letters).toHaveLength(1);
      return letters;
    }, WAIT);
    expect(attempts).toEqual([
      { id, retryCount: 0 },
      { id, retryCount: 1 },
      { id, retryCount: 2 },
    ]);
    expect(deadLetter).toMatchObject({
      queue: "test.flaky",
      deadLetterQueue: "test.flaky.dead",
      lastError: "calendar unreachable (attempt 3)",
      data: { taskId: "t-1", note: "x".repeat(300) },
    });
    expect(deadLetter?.id).not.toBe(id);
    expect(deadLetter?.failedAt).toBeInstanceOf(Date);
    const { rows } = await database().pool.query("SELECT state FROM pgboss.job WHERE id = $1", [id]);
    expect(rows[0]?.state).toBe("failed");

    // Filtering by another queue, or listing all: the same dead letter shows where it should.
    expect(await queue.listDeadLetters({ queue: "test.other" })).toEqual([]);
    expect((await queue.listDeadLetters()).map((letter) => letter.id)).toContain(deadLetter?.id);

    failing = false;
    if (!deadLetter) throw new Error("no dead letter");
    const retried = await queue.retryDeadLetter(deadLetter.id);
    expect(retried).toMatchObject({ queue: "test.flaky", deadLetterId: deadLetter.id });
    await vi.waitFor(() => expect(succeeded.map((each) => each.id)).toContain(retried.id), WAIT);
    expect(succeeded.find((each) => each.id === retried.id)?.data).toEqual({ taskId: "t-1", note: "x".repeat(300) });
    expect(await queue.listDeadLetters({ queue: "test.flaky" })).toEqual([]);

    await expect(queue.retryDeadLetter(deadLetter.id)).rejects.toThrow(/no dead letter with id/);
  });

  it("backs off between retries when retryBackoff is on", async () => {
    await queue.defineQueue("test.backoff", { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 30 });
    const attempts: number[] = [];
    await queue.work(
      "test.backoff",
      async (job) => {
        attempts.push(job.retryCount);
        throw new Error("still down");
      },
      { pollingIntervalSeconds: 0.5 },
    );
    const id = await queue.send(anyJobType("test.backoff"), {});
    const row = await vi.waitFor(async () => {
      const { rows } = await database().pool.query<{ state: string; start_after: Date }>(
        "SELECT state, start_after FROM pgboss.job WHERE id = $1",
        [id],
      );
      expect(rows[0]?.state).toBe("retry");
      return rows[0];
    }, WAIT);
    // The first retry waits between retryDelay and twice that.
    expect(row?.start_after.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(attempts).toEqual([0]);
  });

  it("rejects ids that are not job ids", async () => {
    await expect(queue.retryDeadLetter("nope")).rejects.toThrow('"nope" is not a job id');
    await expect(queue.retryDeadLetter("0190a0d0-0000-7000-8000-000000000000")).rejects.toThrow(
      /no dead letter with id/,
    );
  });

  it("does not dead-letter when the queue opts out", async () => {
    await queue.defineQueue("test.no-dlq", {
      retryLimit: 0,
      retryDelay: 0,
      retryBackoff: false,
      expireInSeconds: 30,
      deadLetter: false,
    });
    const { rows } = await database().pool.query("SELECT name FROM pgboss.queue WHERE name LIKE 'test.no-dlq%'");
    expect(rows).toEqual([{ name: "test.no-dlq" }]);
  });
});
