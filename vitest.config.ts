import { basename, join } from "node:path";
import { defineConfig } from "vitest/config";
import projects from "./vitest.workspace.ts";

// CI sets VITEST_REPORT_DIR to collect one JSON report per package run for its pass/fail count.
const reportDir = process.env.VITEST_REPORT_DIR;

export default defineConfig({
  test: {
    // vitest 4 no longer reads vitest.workspace.ts by itself, so its list is passed here.
    projects,
    ...(reportDir
      ? {
          reporters: ["default", "json"],
          outputFile: { json: join(reportDir, `${basename(process.cwd())}-${process.pid}.json`) },
        }
      : {}),
  },
});
