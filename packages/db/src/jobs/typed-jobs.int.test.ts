import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { useTestDatabase } from "../testing/use-test-database.ts";
import { createJobQueue, type JobQueue } from "./create-job-queue.ts";
import { defineJobType } from "./job-type.ts";
import { defineJob, registerJobs } from "./register-jobs.ts";

const OPTIONS = { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 30 };
const GreetJob = defineJobType("test.greet", z.object({ name: z.string().min(1), at: z.iso.datetime() }));

describe("typed jobs", () => {
  const database = useTestDatabase();
  let queue: JobQueue;

  beforeAll(async () => {
    queue = createJobQueue({ pool: database().pool, stopTimeoutMs: 2_000 });
    await queue.start();
  });
  afterAll(async () => {
    await queue?.stop();
  });

  it("hands the handler the payload parsed by the job type's schema", async () => {
    const seen: { name: string; at: string }[] = [];
    await registerJobs(
      queue,
      [
        defineJob({
          type: GreetJob,
          queueOptions: OPTIONS,
          handler: async (job) => {
            // job.data is typed from the schema: no cast.
            seen.push({ name: job.data.name, at: job.data.at });
          },
        }),
      ],
      { work: true, workOptions: { pollingIntervalSeconds: 0.5 } },
    );
    await queue.send(GreetJob, { name: "Ada", at: "2026-06-01T09:00:00.000Z" });
    await vi.waitFor(() => expect(seen).toEqual([{ name: "Ada", at: "2026-06-01T09:00:00.000Z" }]), {
      timeout: 15_000,
    });
  });

  it("refuses a payload its schema refuses, at compile time and at run time", async () => {
    // @ts-expect-error a payload missing a field does not compile
    const missing = queue.send(GreetJob, { name: "Ada" });
    await expect(missing).rejects.toThrow(/at/);
    // @ts-expect-error a bare queue name is not a job type
    const bare = queue.send("test.greet", { name: "Ada", at: "2026-06-01T09:00:00.000Z" });
    await expect(bare).rejects.toThrow();
    const { rows } = await database().pool.query(
      "SELECT 1 FROM pgboss.job WHERE name = 'test.greet' AND data->>'at' IS NULL",
    );
    expect(rows).toEqual([]);
  });
});
