import { type RunningApp, startApp } from "../app/start-app.ts";
import type { BenchPerson } from "../database/seed.ts";
import { interleave } from "../load/interleave.ts";
import { requests } from "../load/requests.ts";
import { comparisonRow, throughputRatio, throughputs } from "../report/comparison-row.ts";
import type { TargetRow } from "../report/summary.ts";

const TARGET = ">= 1.4x 1 worker";
const CALL = "tasks.list @32, WEB_CONCURRENCY=2 vs 1 (PostgreSQL)";

/**
 * The app with WEB_CONCURRENCY=2 next to the running one-worker app, on the same database,
 * list at 32 connections. A server that runs no more processes with 2 than with 1 does
 * not support the setting yet: the case says so instead of measuring one process twice.
 */
export async function runWorkersCase({
  oneWorker,
  databaseUrl,
  lister,
  logFile,
  logLevel,
  timing,
}: {
  oneWorker: RunningApp;
  databaseUrl: string;
  lister: BenchPerson;
  logFile: string;
  logLevel: string | undefined;
  timing: { rounds: number; seconds: number };
}): Promise<TargetRow> {
  const twoWorkers = await startApp({ database: { url: databaseUrl }, logFile, workers: 2, logLevel });
  try {
    const processes = { one: oneWorker.processCount(), two: twoWorkers.processCount() };
    if (processes.two <= processes.one) {
      const why = `skipped: with WEB_CONCURRENCY=2 the server runs ${processes.two} process(es), as with 1 (cluster mode not in this build)`;
      console.log(`\n== ${CALL}: ${why}`);
      return { call: CALL, figure: why, target: TARGET, met: undefined };
    }
    const comparison = await interleave({
      title: `scheduler.tasks.list, 2 workers (${processes.two} processes) vs 1 (${processes.one})`,
      baseline: { name: "1 worker", request: requests.appList(oneWorker.url, lister.token) },
      measured: { name: "2 workers", request: requests.appList(twoWorkers.url, lister.token) },
      connections: 32,
      ...timing,
    });
    return comparisonRow({
      call: CALL,
      comparison,
      value: throughputRatio,
      detail: throughputs,
      target: TARGET,
      isMet: (value) => value >= 1.4,
    });
  } finally {
    await twoWorkers.stop();
  }
}
