import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { useTestDatabase } from "../testing/use-test-database.ts";
import { createJobQueue, type JobQueue } from "./create-job-queue.ts";
import { defineJobType } from "./job-type.ts";
import { defineJob, registerJobs } from "./register-jobs.ts";
import { anyJobType } from "./testing/any-job-type.ts";
import type { QueueOptions } from "./types.ts";

const OPTIONS: QueueOptions = { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 30 };
/** Jobs are picked up by polling (every 0.5 s here); a wait leaves room for a busy machine. */
const WAIT = { timeout: 15_000, interval: 50 };

describe("registerJobs", () => {
  const database = useTestDatabase();
  const queues: JobQueue[] = [];

  async function startQueue() {
    const queue = createJobQueue({ pool: database().pool, stopTimeoutMs: 2_000 });
    queues.push(queue);
    await queue.start();
    return queue;
  }

  const ZCount = z.object({ n: z.number().int() });
  const SharedJob = defineJobType("test.shared", ZCount);
  let sender: JobQueue;
  beforeAll(async () => {
    sender = await startQueue();
  });
  afterAll(async () => {
    for (const queue of queues) await queue.stop();
  });

  it("defines every queue without working them, so a server with WORKER=off can still send", async () => {
    const definitions = [
      defineJob({
        type: defineJobType("test.sender-only", ZCount),
        queueOptions: OPTIONS,
        handler: async () => undefined,
      }),
    ];
    await registerJobs(sender, definitions, { work: false });
    const id = await sender.send(anyJobType("test.sender-only"), { n: 1 });
    // A witness queue worked by the same queue object, registered after the send: once its job
    // ran, a worker for "test.sender-only" (had registerJobs started one, earlier) has polled too.
    const witnessed: string[] = [];
    const witness = defineJob({
      type: defineJobType("test.sender-witness", ZCount),
      queueOptions: OPTIONS,
      handler: async (job) => {
        witnessed.push(job.id);
      },
    });
    await registerJobs(sender, [witness], { work: true, workOptions: { pollingIntervalSeconds: 0.5 } });
    const witnessId = await sender.send(witness.type, { n: 1 });
    await vi.waitFor(() => expect(witnessed).toContain(witnessId), WAIT);
    const { rows } = await database().pool.query("SELECT state FROM pgboss.job WHERE id = $1", [id]);
    expect(rows[0]?.state).toBe("created");
    const dead = await database().pool.query("SELECT 1 FROM pgboss.queue WHERE name = 'test.sender-only.dead'");
    expect(dead.rowCount).toBe(1);
  });

  it("runs each job exactly once while workers in two processes share the queue", async () => {
    const ran: string[] = [];
    const definitions = [
      defineJob({
        type: SharedJob,
        queueOptions: OPTIONS,
        handler: async (job) => {
          ran.push(`${job.data.n}`);
        },
        workOptions: { batchSize: 3 },
      }),
    ];
    await registerJobs(await startQueue(), definitions, { work: true, workOptions: { pollingIntervalSeconds: 0.5 } });
    await registerJobs(await startQueue(), definitions, { work: true, workOptions: { pollingIntervalSeconds: 0.5 } });
    for (let n = 0; n < 20; n++) await sender.send(SharedJob, { n });
    // Completed jobs are never fetched again: once all 20 are, every run that will happen has.
    await expect
      .poll(async () => {
        const { rows } = await database().pool.query<{ count: string }>(
          "SELECT count(*) FROM pgboss.job WHERE name = 'test.shared' AND state = 'completed'",
        );
        return Number(rows[0]?.count);
      }, WAIT)
      .toBe(20);
    expect(ran.toSorted((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 20 }, (_, n) => `${n}`));
  });

  it("refuses two definitions with one name", async () => {
    const twice = defineJob({ type: anyJobType("test.twice"), queueOptions: OPTIONS, handler: async () => undefined });
    await expect(registerJobs(sender, [twice, twice], { work: false })).rejects.toThrow(
      'job "test.twice" is defined twice',
    );
  });

  it("stores a definition's cron, and a queue started with cron: true sends its jobs", async () => {
    const ran: string[] = [];
    const ticking = defineJob({
      type: anyJobType("test.cron"),
      queueOptions: OPTIONS,
      // Every minute: the tick just past is always less than the timekeeper's minute old.
      cron: "* * * * *",
      handler: async (job) => {
        ran.push(job.id);
      },
    });
    // A process without cron stores the schedule...
    await registerJobs(sender, [ticking], { work: false });
    const { rows } = await database().pool.query("SELECT cron, timezone FROM pgboss.schedule WHERE name = 'test.cron'");
    expect(rows).toEqual([{ cron: "* * * * *", timezone: "UTC" }]);
    // ...and one with it sends the due job (its timekeeper checks the schedules as it starts).
    const queue = createJobQueue({ pool: database().pool, stopTimeoutMs: 2_000, cron: true });
    queues.push(queue);
    await queue.start();
    await registerJobs(queue, [ticking], { work: true, workOptions: { pollingIntervalSeconds: 0.5 } });
    await vi.waitFor(() => expect(ran.length).toBeGreaterThanOrEqual(1), { timeout: 30_000, interval: 100 });
  }, 40_000);
});
