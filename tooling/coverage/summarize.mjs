// Merges the coverage each package's test run wrote to <package>/coverage/coverage-final.json
// (VITEST_COVERAGE=true) and prints line and branch coverage per package: a line counts as
// covered when any test of the suite ran it, as in one vitest run over every project. The
// total is over the packages that count (packages/* and apps/server). With --min-lines N it
// exits 1 when that total is under N% or a package that counts has no report.
//
//   node tooling/coverage/summarize.mjs [--min-lines 80]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parseArgs } from "node:util";
import libCoverage from "istanbul-lib-coverage";

const root = join(import.meta.dirname, "..", "..");
const { values } = parseArgs({ options: { "min-lines": { type: "string" } } });
const minLines = values["min-lines"] === undefined ? undefined : Number(values["min-lines"]);

/** Folders that hold a package; the web app and the scripts are shown but not counted. */
function packageDirs() {
  const under = (folder) =>
    readdirSync(join(root, folder), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(root, folder, entry.name, "package.json")))
      .map((entry) => join(root, folder, entry.name));
  return [...under("packages"), ...under("apps"), join(root, "scripts")];
}

const dirs = packageDirs();
const counts = (dir) => dir.startsWith(join(root, "packages") + sep) || dir === join(root, "apps", "server");
const ownerOf = (file) => dirs.find((dir) => file.startsWith(dir + sep));

const map = libCoverage.createCoverageMap({});
const reported = new Set();
for (const dir of dirs) {
  const file = join(dir, "coverage", "coverage-final.json");
  if (!existsSync(file)) continue;
  map.merge(JSON.parse(readFileSync(file, "utf8")));
  reported.add(dir);
}

const empty = () => ({ lines: { covered: 0, total: 0 }, branches: { covered: 0, total: 0 } });
const perPackage = new Map(dirs.map((dir) => [dir, empty()]));
for (const file of map.files()) {
  const owner = ownerOf(file);
  if (!owner) continue;
  const summary = map.fileCoverageFor(file).toSummary();
  for (const metric of ["lines", "branches"]) {
    perPackage.get(owner)[metric].covered += summary[metric].covered;
    perPackage.get(owner)[metric].total += summary[metric].total;
  }
}

const percent = ({ covered, total }) => (total === 0 ? "100.0%" : `${((covered / total) * 100).toFixed(1)}%`);
const cell = (metric) => `${percent(metric).padStart(6)} (${metric.covered}/${metric.total})`;
const width = 32;

const total = empty();
const missing = [];
console.log(`${"Coverage".padEnd(width)}  ${"lines".padEnd(22)}  branches`);
for (const dir of dirs) {
  const name = relative(root, dir);
  if (!reported.has(dir)) {
    if (counts(dir)) missing.push(name);
    console.log(`${name.padEnd(width)}  no coverage report`);
    continue;
  }
  const own = perPackage.get(dir);
  const note = counts(dir) ? "" : "  (not in the total)";
  console.log(`${name.padEnd(width)}  ${cell(own.lines).padEnd(22)}  ${cell(own.branches)}${note}`);
  if (!counts(dir)) continue;
  for (const metric of ["lines", "branches"]) {
    total[metric].covered += own[metric].covered;
    total[metric].total += own[metric].total;
  }
}
console.log(
  `${"total (packages/*, apps/server)".padEnd(width)}  ${cell(total.lines).padEnd(22)}  ${cell(total.branches)}`,
);

if (minLines === undefined) process.exit(0);
const problems = [];
if (missing.length > 0) problems.push(`no coverage report for ${missing.join(", ")}`);
const linePercent = total.lines.total === 0 ? 0 : (total.lines.covered / total.lines.total) * 100;
if (linePercent < minLines) problems.push(`line coverage ${linePercent.toFixed(1)}% is under ${minLines}%`);
if (problems.length > 0) {
  console.log(`Coverage check failed: ${problems.join("; ")}`);
  process.exit(1);
}
