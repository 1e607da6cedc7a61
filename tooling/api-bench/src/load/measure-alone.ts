import { median, ms, perSecond } from "../report/format.ts";
import { type Side, type SideFigures, warmUp } from "./interleave.ts";
import { runLoad } from "./run-load.ts";

/** One side's rounds with nothing to compare against (the embedded app when no PostgreSQL is configured). */
export async function measureAlone({
  title,
  side,
  connections,
  rounds,
  seconds,
}: {
  title: string;
  side: Side;
  connections: number;
  rounds: number;
  seconds: number;
}): Promise<SideFigures> {
  console.log(`\n== ${title}: ${connections} connection(s), ${rounds} round(s) of ${seconds} s`);
  await warmUp(side, connections, seconds);
  const results = [];
  for (let round = 1; round <= rounds; round++) {
    await side.beforeRound?.();
    const result = await runLoad(side.request, connections, seconds);
    results.push(result);
    console.log(
      `   round ${round}/${rounds} ${side.name}: ${perSecond(result.requestsPerSecond)}, p50 ${ms(result.p50Ms)}, p99 ${ms(result.p99Ms)}`,
    );
  }
  return {
    name: side.name,
    requestsPerSecond: median(results.map((result) => result.requestsPerSecond)),
    p50Ms: median(results.map((result) => result.p50Ms)),
    p99Ms: median(results.map((result) => result.p99Ms)),
    failures: results.reduce((sum, result) => sum + result.failures, 0),
  };
}
