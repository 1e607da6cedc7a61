import { randomUUID } from "node:crypto";
import { type AgendaCraftClient, createAgendaCraftClient } from "@agendacraft/client";
import { defineJob, type JobQueue } from "@agendacraft/db/jobs";
import { anyJobType } from "@agendacraft/db/jobs/testing";
import { useTestDatabase } from "@agendacraft/db/testing";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJobQueue } from "../jobs/start-job-queue.ts";
import { APP_ORIGIN, cookieFrom, postJson } from "../testing/http.ts";
import { startTestServer, type TestServer } from "../testing/start-test-server.ts";

const TOKEN = "metrics-token-for-tests-0123456789";

type Sample = { name: string; labels: Record<string, string>; value: number };

/** Prometheus text format, sample lines only (our label values never hold quotes or commas). */
function parseMetrics(text: string): Sample[] {
  return text
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample line: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, value]),
      );
      return { name: match[1] ?? "", labels, value: Number(match[3]) };
    });
}

function sampleValue(samples: Sample[], name: string, labels: Record<string, string>): number | undefined {
  return samples.find(
    (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  )?.value;
}

/** A fresh UUIDv7-shaped id nobody has. */
function randomId(): string {
  const id = randomUUID();
  return `${id.slice(0, 14)}7${id.slice(15)}`;
}

describe("/metrics", () => {
  const database = useTestDatabase();
  let queue: JobQueue;
  let server: TestServer;
  let client: AgendaCraftClient;
  let cookie: string;

  async function scrape(): Promise<{ text: string; samples: Sample[] }> {
    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    const text = await response.text();
    return { text, samples: parseMetrics(text) };
  }

  beforeAll(async () => {
    queue = await startJobQueue({
      db: database(),
      log: pino({ level: "silent" }),
      definitions: () => [
        defineJob({
          type: anyJobType("test.metrics"),
          queueOptions: { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 30 },
          handler: async () => undefined,
        }),
      ],
      work: false,
      stopTimeoutMs: 2_000,
    });
    server = await startTestServer({
      db: database().prisma,
      jobs: queue,
      database: { pool: database().pool, mode: database().mode },
      env: { METRICS_TOKEN: TOKEN },
    });
    const signedUp = await postJson(`${server.url}/api/auth/sign-up/email`, {
      name: "Metrics Person",
      email: `metrics-${randomUUID()}@example.com`,
      password: "correct horse battery",
    });
    cookie = cookieFrom(signedUp.headers);
    client = createAgendaCraftClient({ url: `${server.url}/trpc`, headers: { cookie, origin: APP_ORIGIN } });
  });
  afterAll(async () => {
    await server?.close();
    await queue?.stop();
  });

  it("answers 403 without the token, with a wrong one, or with another scheme, and never caches", async () => {
    for (const authorization of [undefined, "Bearer wrong-token-wrong-token-00", `Basic ${TOKEN}`, TOKEN]) {
      const response = await fetch(`${server.url}/metrics`, { headers: authorization ? { authorization } : {} });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: "metrics.forbidden" });
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
    const allowed = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(allowed.headers.get("cache-control")).toBe("no-store");
  });

  it("reports the process, the event loop, the database pool and the job queue", async () => {
    await queue.send(anyJobType("test.metrics"), {});
    await queue.send(anyJobType("test.metrics"), {}, { startAfter: new Date(Date.now() + 3_600_000) });
    const { samples } = await scrape();
    const names = new Set(samples.map((sample) => sample.name));
    for (const name of [
      "process_cpu_user_seconds_total",
      "process_resident_memory_bytes",
      "nodejs_eventloop_lag_p99_seconds",
    ]) {
      expect(names).toContain(name);
    }
    const pool = { database: database().mode };
    expect(sampleValue(samples, "agendacraft_db_pool_connections", pool)).toBeGreaterThanOrEqual(1);
    expect(sampleValue(samples, "agendacraft_db_pool_idle_connections", pool)).toBeGreaterThanOrEqual(0);
    expect(sampleValue(samples, "agendacraft_db_pool_waiting_queries", pool)).toBeGreaterThanOrEqual(0);
    expect(sampleValue(samples, "agendacraft_db_pool_max_connections", pool)).toBe(database().pool.options.max);
    expect(sampleValue(samples, "agendacraft_jobs", { queue: "test.metrics", state: "queued" })).toBe(1);
    expect(sampleValue(samples, "agendacraft_jobs", { queue: "test.metrics", state: "deferred" })).toBe(1);
    expect(sampleValue(samples, "agendacraft_jobs", { queue: "test.metrics", state: "active" })).toBe(0);
    expect(sampleValue(samples, "agendacraft_job_dead_letters", { queue: "test.metrics" })).toBe(0);
    expect(sampleValue(samples, "agendacraft_job_stats_up", {})).toBe(1);
  });

  it("times each procedure call of a batch, and counts errors by code and plan runs by outcome", async () => {
    const before = (await scrape()).samples;
    const count = (samples: Sample[], procedure: string) =>
      sampleValue(samples, "agendacraft_procedure_duration_seconds_count", { procedure }) ?? 0;

    // One HTTP request carrying three calls.
    await Promise.all([client.meta.health.query(), client.meta.health.query(), client.scheduler.tasks.list.query({})]);
    await expect(client.scheduler.tasks.byId.query({ id: randomId() })).rejects.toThrow();
    await client.scheduler.plan.preview.query({});
    await expect(client.scheduler.plan.undo.mutate({ runId: randomId() })).rejects.toThrow();

    const after = (await scrape()).samples;
    expect(count(after, "meta.health") - count(before, "meta.health")).toBe(2);
    expect(count(after, "scheduler.tasks.list") - count(before, "scheduler.tasks.list")).toBe(1);
    expect(
      sampleValue(after, "agendacraft_procedure_errors_total", {
        procedure: "scheduler.tasks.byId",
        code: "NOT_FOUND",
        domain_code: "scheduler.task_not_found",
      }),
    ).toBe(1);
    expect(sampleValue(after, "agendacraft_plan_runs_total", { action: "preview", outcome: "ok" })).toBe(1);
    expect(sampleValue(after, "agendacraft_plan_runs_total", { action: "undo", outcome: "refused" })).toBe(1);
    expect(
      sampleValue(after, "agendacraft_http_responses_total", { route: "/trpc/:path", method: "GET", status: "200" }),
    ).toBeGreaterThanOrEqual(2);
  });

  it("adds no series for 200 requests with random ids and random unknown paths", async () => {
    const randomValues: string[] = [];
    const requests = [
      (id: string) =>
        fetch(`${server.url}/trpc/scheduler.tasks.byId?input=${encodeURIComponent(JSON.stringify({ json: { id } }))}`, {
          headers: { cookie, origin: APP_ORIGIN },
        }),
      (id: string) => fetch(`${server.url}/trpc/scheduler.${id}.byId`),
      (id: string) => fetch(`${server.url}/${id}/tasks/${id}?ref=${id}`),
      (id: string) => fetch(`${server.url}/api/auth/${id}`, { method: "POST", headers: { origin: APP_ORIGIN } }),
      (id: string) => fetch(`${server.url}/api/v1/tasks/${id}`, { method: "DELETE" }),
    ];
    async function send(total: number) {
      let next = 0;
      const worker = async () => {
        while (next < total) {
          const index = next++;
          const id = randomId();
          randomValues.push(id);
          const response = await requests[index % requests.length]?.(id);
          await response?.arrayBuffer();
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
    }
    // Status codes come from the server (a rate limit may start answering 429 at some point), so
    // series are compared after a first half that already met every kind of request.
    const seriesOf = (samples: Sample[]) =>
      new Set(
        samples
          .filter((sample) => sample.name.startsWith("agendacraft_"))
          .map((sample) => JSON.stringify(sample.labels) + sample.name),
      );

    // Each random value would be a new series if it leaked into a label: a hundred of each
    // kind shows that as well as a thousand, in a fifth of the time on a busy machine.
    await send(100);
    const first = await scrape();
    await send(100);
    const second = await scrape();

    expect([...seriesOf(second.samples)].filter((series) => !seriesOf(first.samples).has(series))).toEqual([]);
    expect(randomValues).toHaveLength(200);
    expect(randomValues.filter((value) => second.text.includes(value))).toEqual([]);
    expect(sampleValue(second.samples, "agendacraft_http_responses_total", { route: "(unmatched)" })).toBeGreaterThan(
      0,
    );
  });
});

describe("/metrics without METRICS_TOKEN", () => {
  const database = useTestDatabase();
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ db: database().prisma });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("does not exist (404), even with a bearer token", async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: "Bearer anything-at-all-here-0000" }];
    for (const headers of attempts) {
      const response = await fetch(`${server.url}/metrics`, { headers });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: "metrics.disabled" });
    }
  });
});
