import { createJobQueue, defineJob, defineJobType, type JobQueue } from "@agendacraft/db/jobs";
import { useTestDatabase } from "@agendacraft/db/testing";
import { RETIRED_SYNC_FEEDS_JOB, SYNC_FEEDS_CRON, SYNC_FEEDS_JOB } from "@agendacraft/domain/calendars";
import { CLEAN_IDEMPOTENCY_KEYS_CRON, CLEAN_IDEMPOTENCY_KEYS_JOB } from "@agendacraft/domain/idempotency";
import { systemClock, testSecretKeyring } from "@agendacraft/domain/shared";
import { pino } from "pino";
import { afterAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createJobDefinitions, RETIRED_JOB_NAMES } from "./job-definitions.ts";
import { startJobQueue } from "./start-job-queue.ts";

const OPTIONS = { retryLimit: 1, retryDelay: 0, retryBackoff: false, expireInSeconds: 30 };
const silent = pino({ level: "silent" });
const PingJob = defineJobType("test.ping", z.object({ word: z.string() }));
const PongJob = defineJobType("test.pong", z.object({ word: z.string() }));
const ElsewhereJob = defineJobType("test.elsewhere", z.object({}));

/** Jobs are polled every 0.5 s; a wait leaves room for a busy machine. */
const WAIT = { timeout: 15_000, interval: 50 };

describe("the job queue in the server", () => {
  const database = useTestDatabase();
  const queues: JobQueue[] = [];

  afterAll(async () => {
    for (const queue of queues) await queue.stop();
  });

  it("runs the registered job definitions, handing handlers the queue to send follow-ups", async () => {
    const pinged: string[] = [];
    const queue = await startJobQueue({
      db: database(),
      log: silent,
      definitions: (jobs) => [
        defineJob({
          type: PingJob,
          queueOptions: OPTIONS,
          handler: async (job) => {
            pinged.push(job.data.word);
            if (job.data.word === "ping") await jobs.send(PongJob, { word: "pong" });
          },
        }),
        defineJob({
          type: PongJob,
          queueOptions: OPTIONS,
          handler: async (job) => {
            pinged.push(job.data.word);
          },
        }),
      ],
      work: true,
      stopTimeoutMs: 2_000,
      workOptions: { pollingIntervalSeconds: 0.5 },
    });
    queues.push(queue);
    await queue.send(PingJob, { word: "ping" });
    await vi.waitFor(() => expect(pinged).toEqual(["ping", "pong"]), WAIT);
  });

  it("with workers off only defines the queues: jobs wait for a worker elsewhere", async () => {
    // Each queue's handlers say which queue ran the job.
    const ran: string[] = [];
    const definitions = (runner: string) => () => [
      defineJob({
        type: ElsewhereJob,
        queueOptions: OPTIONS,
        handler: async (job) => {
          ran.push(`${runner}:${job.id}`);
        },
      }),
    ];
    const sender = await startJobQueue({
      db: database(),
      log: silent,
      definitions: definitions("sender"),
      work: false,
      stopTimeoutMs: 2_000,
    });
    queues.push(sender);
    const id = await sender.send(ElsewhereJob, {});
    expect((await sender.stats()).find((each) => each.queue === "test.elsewhere")).toMatchObject({ queued: 1 });

    const worker = await startJobQueue({
      db: database(),
      log: silent,
      definitions: definitions("worker"),
      work: true,
      stopTimeoutMs: 2_000,
      workOptions: { pollingIntervalSeconds: 0.5 },
    });
    queues.push(worker);
    // Had the sender run workers, it would have had the job first (it was there before the worker).
    await vi.waitFor(() => expect(ran).toEqual([`worker:${id}`]), WAIT);
  });

  it("starts cleanly with the production job definitions", async () => {
    const queue = await startJobQueue({
      db: database(),
      log: silent,
      definitions: (jobs) =>
        createJobDefinitions({
          db: database().prisma,
          log: silent,
          clock: systemClock,
          secrets: testSecretKeyring(),
          jobs,
        }),
      work: true,
      stopTimeoutMs: 2_000,
    });
    queues.push(queue);
    await expect(queue.probe()).resolves.toBeUndefined();
    // Expired Idempotency-Keys are cleaned by a cron job of their own.
    const { rows } = await database().pool.query<{ cron: string }>("SELECT cron FROM pgboss.schedule WHERE name = $1", [
      CLEAN_IDEMPOTENCY_KEYS_JOB,
    ]);
    expect(rows).toEqual([{ cron: CLEAN_IDEMPOTENCY_KEYS_CRON }]);
  });

  it("deletes the queue of a renamed job, with its waiting job and cron, and schedules the new name", async () => {
    // What a database used by the version before the rename holds.
    const old = createJobQueue({ pool: database().pool, maintenance: false });
    await old.start();
    await old.defineQueue(RETIRED_SYNC_FEEDS_JOB, OPTIONS);
    await old.schedule(RETIRED_SYNC_FEEDS_JOB, SYNC_FEEDS_CRON);
    await old.send(defineJobType(RETIRED_SYNC_FEEDS_JOB, z.object({})), {});
    await old.stop();

    const queue = await startJobQueue({
      db: database(),
      log: silent,
      definitions: (jobs) =>
        createJobDefinitions({
          db: database().prisma,
          log: silent,
          clock: systemClock,
          secrets: testSecretKeyring(),
          jobs,
        }),
      work: true,
      retired: RETIRED_JOB_NAMES,
      stopTimeoutMs: 2_000,
    });
    queues.push(queue);
    await expect(queue.probe()).resolves.toBeUndefined();
    const syncQueues = async (sql: string) =>
      (await database().pool.query<{ name: string }>(sql)).rows
        .map((row) => row.name)
        .filter((name) => name.includes("sync-feeds"));
    expect(await syncQueues("SELECT name FROM pgboss.queue ORDER BY name")).toEqual([
      SYNC_FEEDS_JOB,
      `${SYNC_FEEDS_JOB}.dead`,
    ]);
    expect(await syncQueues("SELECT name FROM pgboss.schedule")).toEqual([SYNC_FEEDS_JOB]);
    expect(await syncQueues("SELECT DISTINCT name FROM pgboss.job")).not.toContain(RETIRED_SYNC_FEEDS_JOB);
  });
});
