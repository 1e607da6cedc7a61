import type { Comparison, SideFigures } from "../load/interleave.ts";
import { ms, perSecond, ratio } from "./format.ts";
import type { TargetRow } from "./summary.ts";

export const throughputRatio = ({ baseline, measured }: Comparison) =>
  measured.requestsPerSecond / baseline.requestsPerSecond;
export const p99Ratio = ({ baseline, measured }: Comparison) => measured.p99Ms / baseline.p99Ms;

export const throughputs = ({ baseline, measured }: Comparison) =>
  `(${perSecond(measured.requestsPerSecond)} vs ${perSecond(baseline.requestsPerSecond)})`;
export const p99s = ({ baseline, measured }: Comparison) => `(${ms(measured.p99Ms)} vs ${ms(baseline.p99Ms)})`;

/**
 * A summary line for one ratio of a comparison. No verdict when a side answered nothing
 * in its rounds (too short for a loaded machine) or some calls failed: that ratio would
 * compare different work.
 */
export function comparisonRow({
  call,
  comparison,
  value,
  detail,
  target,
  isMet,
}: {
  call: string;
  comparison: Comparison;
  value: (comparison: Comparison) => number;
  detail: (comparison: Comparison) => string;
  target: string;
  isMet: (value: number) => boolean;
}): TargetRow {
  const silent = [comparison.baseline, comparison.measured].find((side: SideFigures) => !(side.requestsPerSecond > 0));
  if (silent) {
    return {
      call,
      figure: `none: ${silent.name} answered nothing within its rounds (raise BENCH_SECONDS)`,
      target,
      met: undefined,
    };
  }
  const failures = comparison.baseline.failures + comparison.measured.failures;
  const figure = `${ratio(value(comparison))} ${detail(comparison)}`;
  if (failures > 0) return { call, figure: `${figure}, ${failures} calls failed`, target, met: undefined };
  return { call, figure, target, met: isMet(value(comparison)) };
}
