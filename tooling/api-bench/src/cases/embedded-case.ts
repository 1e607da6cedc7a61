import type { RunningApp } from "../app/start-app.ts";
import type { BenchPerson } from "../database/seed.ts";
import { interleave } from "../load/interleave.ts";
import { measureAlone } from "../load/measure-alone.ts";
import { requests } from "../load/requests.ts";
import { comparisonRow, throughputRatio, throughputs } from "../report/comparison-row.ts";
import { perSecond } from "../report/format.ts";
import type { TargetRow } from "../report/summary.ts";

const CALL = "tasks.list @32, embedded vs PostgreSQL app";
const TARGET = ">= 0.85x PostgreSQL";

/**
 * The embedded app's list throughput against the PostgreSQL-backed app's (each with its
 * own seeded person), or, without PostgreSQL, the embedded app's figures alone.
 */
export async function runEmbeddedCase({
  embedded,
  postgres,
  timing,
}: {
  embedded: { app: RunningApp; lister: BenchPerson };
  postgres: { app: RunningApp; lister: BenchPerson } | undefined;
  timing: { rounds: number; seconds: number };
}): Promise<TargetRow> {
  const embeddedSide = { name: "embedded", request: requests.appList(embedded.app.url, embedded.lister.token) };
  if (!postgres) {
    const alone = await measureAlone({
      title: "scheduler.tasks.list (50 items), embedded app alone (no PostgreSQL to compare with)",
      side: embeddedSide,
      connections: 32,
      ...timing,
    });
    return {
      call: CALL,
      figure: `skipped: no PostgreSQL (embedded alone: ${perSecond(alone.requestsPerSecond)})`,
      target: TARGET,
      met: undefined,
    };
  }
  const comparison = await interleave({
    title: "scheduler.tasks.list (50 items), embedded app vs PostgreSQL app",
    baseline: { name: "PostgreSQL", request: requests.appList(postgres.app.url, postgres.lister.token) },
    measured: embeddedSide,
    connections: 32,
    ...timing,
  });
  return comparisonRow({
    call: CALL,
    comparison,
    value: throughputRatio,
    detail: throughputs,
    target: TARGET,
    isMet: (value) => value >= 0.85,
  });
}
