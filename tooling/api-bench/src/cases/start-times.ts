import { mkdtemp } from "node:fs/promises";
import { join } from "node:path";
import { startApp } from "../app/start-app.ts";
import { median } from "../report/format.ts";
import type { TargetRow } from "../report/summary.ts";

const seconds = (valueMs: number) => `${(valueMs / 1000).toFixed(2)} s`;

/**
 * Spawning `node dist/main.js` to /ready answering 200, `runs` times each, median reported:
 * embedded with a new data directory, embedded with an existing one (the last new one),
 * PostgreSQL with every migration applied already (the bench's database).
 */
export async function runStartTimes({
  workDir,
  logFile,
  postgresUrl,
  runs,
}: {
  workDir: string;
  logFile: string;
  postgresUrl: string | undefined;
  runs: number;
}): Promise<TargetRow[]> {
  console.log(`\n== Start to /ready, ${runs} start(s) each, apps idle`);
  const timesOf = async (label: string, database: () => Promise<{ url: string } | { dataDir: string }>) => {
    const times: number[] = [];
    for (let run = 1; run <= runs; run++) {
      const app = await startApp({ database: await database(), logFile });
      await app.stop();
      times.push(app.startMs);
      console.log(`   ${label} ${run}/${runs}: ${seconds(app.startMs)}`);
    }
    return median(times);
  };

  let lastDataDir = "";
  const fresh = await timesOf("embedded, new data directory", async () => {
    lastDataDir = join(await mkdtemp(join(workDir, "start-")), "data");
    return { dataDir: lastDataDir };
  });
  const existing = await timesOf("embedded, existing data directory", async () => ({ dataDir: lastDataDir }));
  const rows: TargetRow[] = [
    { call: "start, embedded, existing data dir", figure: seconds(existing), target: "<= 3 s", met: existing <= 3000 },
    { call: "start, embedded, new data dir", figure: seconds(fresh), target: "<= 4 s", met: fresh <= 4000 },
  ];
  if (!postgresUrl) {
    console.log("   PostgreSQL: skipped (no BENCH_DATABASE_URL or DATABASE_URL)");
    return [
      ...rows,
      {
        call: "start, PostgreSQL, nothing to migrate",
        figure: "skipped: no PostgreSQL",
        target: "<= 2.5 s",
        met: undefined,
      },
    ];
  }
  const url = postgresUrl;
  const postgres = await timesOf("PostgreSQL, nothing to migrate", async () => ({ url }));
  return [
    ...rows,
    {
      call: "start, PostgreSQL, nothing to migrate",
      figure: seconds(postgres),
      target: "<= 2.5 s",
      met: postgres <= 2500,
    },
  ];
}
