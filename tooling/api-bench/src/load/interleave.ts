import { median, ms, perSecond, ratio, table } from "../report/format.ts";
import { type LoadRequest, type LoadResult, runLoad } from "./run-load.ts";

export type Side = {
  name: string;
  request: LoadRequest;
  /** Runs before each of this side's rounds (e.g. removing the tasks the last round created). */
  beforeRound?: () => Promise<void>;
};

/** A side's figures: the median of its rounds' throughput and latencies. */
export type SideFigures = { name: string; requestsPerSecond: number; p50Ms: number; p99Ms: number; failures: number };

export type Comparison = { baseline: SideFigures; measured: SideFigures };

/**
 * Alternates the sides round by round (baseline round 1, measured round 1, baseline round 2,
 * ...) so a busy moment of a shared machine weighs on both, then prints both sides and the
 * ratios measured/baseline.
 */
export async function interleave({
  title,
  baseline,
  measured,
  connections,
  rounds,
  seconds,
}: {
  title: string;
  baseline: Side;
  measured: Side;
  connections: number;
  rounds: number;
  seconds: number;
}): Promise<Comparison> {
  console.log(`\n== ${title}: ${connections} connection(s), ${rounds} round(s) of ${seconds} s each side`);
  const results = new Map<Side, LoadResult[]>([
    [baseline, []],
    [measured, []],
  ]);
  for (const side of [baseline, measured]) await warmUp(side, connections, seconds);
  for (let round = 1; round <= rounds; round++) {
    for (const side of [baseline, measured]) {
      await side.beforeRound?.();
      const result = await runLoad(side.request, connections, seconds);
      results.get(side)?.push(result);
      const failed = result.failures > 0 ? `, ${result.failures} FAILED` : "";
      console.log(
        `   round ${round}/${rounds} ${side.name}: ${perSecond(result.requestsPerSecond)}, p50 ${ms(result.p50Ms)}, p99 ${ms(result.p99Ms)}${failed}`,
      );
    }
  }
  const figures = (side: Side): SideFigures => {
    const all = results.get(side) ?? [];
    return {
      name: side.name,
      requestsPerSecond: median(all.map((result) => result.requestsPerSecond)),
      p50Ms: median(all.map((result) => result.p50Ms)),
      p99Ms: median(all.map((result) => result.p99Ms)),
      failures: all.reduce((sum, result) => sum + result.failures, 0),
    };
  };
  const comparison = { baseline: figures(baseline), measured: figures(measured) };
  printComparison(comparison);
  return comparison;
}

/**
 * An unreported run per side before the rounds: the first calls of a fresh process compile
 * code and open its database connections, which no round should pay for.
 */
export async function warmUp(side: Side, connections: number, seconds: number): Promise<void> {
  const warmUpSeconds = Math.max(2, Math.min(seconds, 4));
  console.log(`   warming up ${side.name} (${warmUpSeconds} s)`);
  await side.beforeRound?.();
  await runLoad(side.request, connections, warmUpSeconds);
}

function printComparison({ baseline, measured }: Comparison): void {
  const row = (side: SideFigures) => [
    side.name,
    perSecond(side.requestsPerSecond),
    ms(side.p50Ms),
    ms(side.p99Ms),
    side.failures > 0 ? `${side.failures} failed` : "",
  ];
  console.log(
    table([
      ["", "throughput", "p50", "p99", ""],
      row(baseline),
      row(measured),
      [
        `${measured.name} / ${baseline.name}`,
        ratio(measured.requestsPerSecond / baseline.requestsPerSecond),
        ratio(measured.p50Ms / baseline.p50Ms),
        ratio(measured.p99Ms / baseline.p99Ms),
        "",
      ],
    ]).replace(/^/gm, "   "),
  );
}
