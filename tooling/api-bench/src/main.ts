/**
 * `pnpm bench:api`: the API against a raw node:http + pg floor doing the same database work,
 * interleaved round by round, plus embedded vs PostgreSQL, 1 vs 2 workers and start times.
 * Figures are printed, never asserted. See the README's "Performance" section.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type RunningApp, startApp } from "./app/start-app.ts";
import { runEmbeddedCase } from "./cases/embedded-case.ts";
import { runFloorCases } from "./cases/floor-cases.ts";
import { runStartTimes } from "./cases/start-times.ts";
import { runWorkersCase } from "./cases/workers-case.ts";
import { createBenchDatabase } from "./database/bench-database.ts";
import { prepareEmbeddedDataDir } from "./database/prepare-embedded.ts";
import { type BenchPerson, seedBenchData } from "./database/seed.ts";
import { loadBenchEnv } from "./env.ts";
import { checkSameAnswers } from "./floor/check-same-answers.ts";
import { startFloor } from "./floor/start-floor.ts";
import { printSummary, type TargetRow } from "./report/summary.ts";

const env = loadBenchEnv();
const timing = { rounds: env.rounds, seconds: env.seconds };
const workDir = await mkdtemp(join(tmpdir(), "agendacraft-bench-"));
const logFile = join(workDir, "app.log");
// Undone last first, whatever happened: servers stopped, the bench's database dropped, files removed.
const cleanups: (() => Promise<unknown>)[] = [() => rm(workDir, { recursive: true, force: true })];
const rows: TargetRow[] = [];
const skippedWithoutPostgres = (call: string, target: string): TargetRow => ({
  call,
  figure: "skipped: needs PostgreSQL (BENCH_DATABASE_URL)",
  target,
  met: undefined,
});

console.log(
  `pnpm bench:api: Node ${process.version}, ${availableParallelism()} CPUs, ${env.rounds} round(s) of ${env.seconds} s, ` +
    `app LOG_LEVEL ${env.logLevel ?? "default"}; app log: ${logFile}`,
);

try {
  let postgres: { app: RunningApp; lister: BenchPerson; url: string } | undefined;
  if (env.postgresUrl) {
    const database = await createBenchDatabase(env.postgresUrl);
    cleanups.push(() => database.drop());
    console.log(
      `\nPostgreSQL: created ${new URL(database.url).pathname.slice(1)} (dropped at the end); migrating, seeding`,
    );
    const app = await startApp({ database: { url: database.url }, logFile, logLevel: env.logLevel });
    cleanups.push(() => app.stop());
    const sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    cleanups.push(() => sql.end());
    const data = await seedBenchData(sql);
    const floor = await startFloor(database.url);
    cleanups.push(() => floor.close());
    await checkSameAnswers(app.url, floor.url, data.lister);
    rows.push(...(await runFloorCases({ appUrl: app.url, floorUrl: floor.url, data, sql, timing })));
    rows.push(
      await runWorkersCase({
        oneWorker: app,
        databaseUrl: database.url,
        lister: data.lister,
        logFile,
        logLevel: env.logLevel,
        timing,
      }),
    );
    postgres = { app, lister: data.lister, url: database.url };
  } else {
    console.log(
      "\nNo BENCH_DATABASE_URL or DATABASE_URL: the floor (node:http + pg) and the PostgreSQL cases are skipped.",
    );
    rows.push(
      skippedWithoutPostgres("tasks.list, 32 connections", ">= 0.5x floor, p99 <= 2.5x"),
      skippedWithoutPostgres("tasks.list, 1 connection", ">= 0.5x floor"),
      skippedWithoutPostgres("tasks.create, 32 connections", ">= 0.7x floor"),
      skippedWithoutPostgres("tasks.create into 50,000 tasks", ">= 0.9x empty"),
      skippedWithoutPostgres("tasks.list @32, WEB_CONCURRENCY=2 vs 1", ">= 1.4x 1 worker"),
    );
  }

  console.log("\nEmbedded: creating a data directory, seeding");
  const dataDir = join(workDir, "embedded");
  const embeddedData = await prepareEmbeddedDataDir(dataDir, logFile);
  const embeddedApp = await startApp({ database: { dataDir }, logFile, logLevel: env.logLevel });
  cleanups.push(() => embeddedApp.stop());
  rows.push(await runEmbeddedCase({ embedded: { app: embeddedApp, lister: embeddedData.lister }, postgres, timing }));

  // Start times with no other app running beside them.
  await embeddedApp.stop();
  await postgres?.app.stop();
  rows.push(...(await runStartTimes({ workDir, logFile, postgresUrl: postgres?.url, runs: env.startRuns })));

  printSummary(rows);
} finally {
  for (const cleanup of cleanups.reverse()) {
    await cleanup().catch((error: Error) => console.error(`cleanup failed: ${error.message}`));
  }
}
