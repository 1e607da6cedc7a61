import type { Log } from "@agendacraft/api/context";
import type { QueueStats } from "@agendacraft/db/jobs";
import { Gauge, type Registry } from "prom-client";

export type JobMetricsSource = { stats(): Promise<QueueStats[]> };

/** A scrape must answer even when the database does not. */
const STATS_TIMEOUT_MS = 2_000;

/**
 * Jobs per queue and dead letters, read from the queue's tables when scraped (one query
 * per scrape). When the database cannot answer, the gauges are left out of that scrape
 * rather than showing old numbers, and `agendacraft_job_stats_up` says 0.
 */
export function registerJobMetrics(registry: Registry, { jobs, log }: { jobs: JobMetricsSource; log: Log }) {
  // prom-client collects every metric of a scrape at once: they share one read.
  let reading: Promise<QueueStats[] | undefined> | undefined;
  const read = () => {
    reading ??= withTimeout(jobs.stats(), STATS_TIMEOUT_MS)
      .catch((error: unknown) => {
        log.warn({ err: error }, "could not read the job queue's numbers for /metrics");
        return undefined;
      })
      .finally(() => {
        reading = undefined;
      });
    return reading;
  };

  new Gauge({
    name: "agendacraft_jobs",
    help: "Jobs in each queue: queued (due now), deferred (due later) or active (running).",
    labelNames: ["queue", "state"],
    registers: [registry],
    async collect() {
      const stats = await read();
      this.reset();
      for (const queue of stats ?? []) {
        this.set({ queue: queue.queue, state: "queued" }, queue.queued);
        this.set({ queue: queue.queue, state: "deferred" }, queue.deferred);
        this.set({ queue: queue.queue, state: "active" }, queue.active);
      }
    },
  });
  new Gauge({
    name: "agendacraft_job_dead_letters",
    help: "Jobs that used up their retries, waiting in the queue's dead-letter queue (`pnpm jobs` lists and retries them).",
    labelNames: ["queue"],
    registers: [registry],
    async collect() {
      const stats = await read();
      this.reset();
      for (const queue of stats ?? []) this.set({ queue: queue.queue }, queue.deadLetters);
    },
  });
  new Gauge({
    name: "agendacraft_job_stats_up",
    help: "1 when the job queue's numbers could be read for this scrape, 0 when not.",
    registers: [registry],
    async collect() {
      this.set((await read()) ? 1 : 0);
    },
  });
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
