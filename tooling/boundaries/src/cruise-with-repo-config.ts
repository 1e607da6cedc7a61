import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { cruise, type ICruiseResult, type IViolation } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const CONFIG = `${REPO_ROOT}.dependency-cruiser.cjs`;
const KNOWN_VIOLATIONS = `${REPO_ROOT}.dependency-cruiser-known-violations.json`;

/** One violation, as `pnpm lint` prints it: the rule, and the edge (or the first module of a cycle). */
export type Violation = { rule: string; severity: string; from: string; to: string };

export type CruiseOptions = {
  /** The folder the paths are relative to (the repository, or a fixture of it). */
  baseDir: string;
  /** Files or folders to start from, relative to baseDir; their dependencies are followed. */
  paths: string[];
  /** Leave out the violations recorded in .dependency-cruiser-known-violations.json, as lint:deps does. */
  ignoreKnown?: boolean;
};

/** Runs dependency-cruiser with the repository's own configuration, as `pnpm lint:deps` does. */
export async function cruiseWithRepoConfig({
  baseDir,
  paths,
  ignoreKnown = false,
}: CruiseOptions): Promise<{ violations: Violation[]; result: ICruiseResult }> {
  const options = await extractDepcruiseOptions(CONFIG);
  // Only set when wanted: dependency-cruiser reads the option's length whenever the key is present.
  const known = ignoreKnown ? { knownViolations: JSON.parse(await readFile(KNOWN_VIOLATIONS, "utf8")) } : {};
  const { output } = await cruise(paths, { ...options, ...known, baseDir }, {}, { tsConfig: {} });
  // Without an output type the reporter returns the cruise result itself, not text.
  const result = output as ICruiseResult;
  return { violations: result.summary.violations.map(toViolation), result };
}

function toViolation(violation: IViolation): Violation {
  return { rule: violation.rule.name, severity: violation.rule.severity, from: violation.from, to: violation.to };
}
