import { table } from "./format.ts";

/** One line of the closing table: a figure next to the target. */
export type TargetRow = {
  call: string;
  figure: string;
  target: string;
  /** undefined: not measured (the figure says why). */
  met: boolean | undefined;
};

export function printSummary(rows: TargetRow[]): void {
  console.log("\n== Summary (ratios from this run; indicative on a shared machine)");
  const verdict = (met: boolean | undefined) => (met === undefined ? "-" : met ? "met" : "NOT met");
  console.log(
    table([
      ["call", "figure", "target", ""],
      ...rows.map((row) => [row.call, row.figure, row.target, verdict(row.met)]),
    ]).replace(/^/gm, "   "),
  );
}
