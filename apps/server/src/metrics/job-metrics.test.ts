import type { QueueStats } from "@agendacraft/db/jobs";
import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { registerJobMetrics } from "./job-metrics.ts";

const silent = { error() {}, warn() {}, info() {} };
const reminders: QueueStats = { queue: "notifier.task-starting", queued: 2, deferred: 5, active: 1, deadLetters: 3 };

describe("job queue metrics", () => {
  it("read the queue once per scrape and show that scrape's numbers in every job metric", async () => {
    const registry = new Registry();
    let reads = 0;
    let current = reminders;
    registerJobMetrics(registry, {
      log: silent,
      jobs: {
        stats: async () => {
          reads += 1;
          return [current];
        },
      },
    });

    const first = await registry.metrics();
    expect(reads).toBe(1);
    expect(first).toContain('agendacraft_jobs{queue="notifier.task-starting",state="deferred"} 5');
    expect(first).toContain('agendacraft_job_dead_letters{queue="notifier.task-starting"} 3');

    current = { ...reminders, deferred: 4, deadLetters: 0 };
    const second = await registry.metrics();
    expect(reads).toBe(2);
    expect(second).toContain('agendacraft_jobs{queue="notifier.task-starting",state="deferred"} 4');
    expect(second).toContain('agendacraft_job_dead_letters{queue="notifier.task-starting"} 0');
    expect(second).toContain("agendacraft_job_stats_up 1");
  });

  it("leave the job numbers out, say up 0 and log a warning when the queue cannot be read", async () => {
    const registry = new Registry();
    const warnings: object[] = [];
    let failing = false;
    registerJobMetrics(registry, {
      log: { ...silent, warn: (object) => warnings.push(object) },
      jobs: {
        stats: async () => {
          if (failing) throw new Error("connection refused");
          return [reminders];
        },
      },
    });
    expect(await registry.metrics()).toContain('agendacraft_jobs{queue="notifier.task-starting",state="queued"} 2');

    failing = true;
    const text = await registry.metrics();
    expect(text).toContain("agendacraft_job_stats_up 0");
    expect(text).not.toContain('queue="notifier.task-starting"');
    expect(warnings).toHaveLength(1);
  });
});
