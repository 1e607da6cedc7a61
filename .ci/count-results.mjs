// Sums the vitest JSON reports under a directory into "N passed, N failed".
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

function reports(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return reports(path);
    return name.endsWith(".json") ? [path] : [];
  });
}

let passed = 0;
let failed = 0;
for (const file of reports(process.argv[2])) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed += report.numPassedTests ?? 0;
  // A file that crashes before its tests run counts as a failure too.
  failed += (report.numFailedTests ?? 0) + countCrashedFiles(report);
}
console.log(`${passed} passed, ${failed} failed`);

function countCrashedFiles(report) {
  return (report.testResults ?? []).filter(
    (file) => file.status === "failed" && !(file.assertionResults ?? []).some((test) => test.status === "failed"),
  ).length;
}
