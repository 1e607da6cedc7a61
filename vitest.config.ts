import { basename, join } from "node:path";
import { defineConfig } from "vitest/config";
import projects, { integrationOnly } from "./vitest.workspace.ts";

// CI sets VITEST_REPORT_DIR to collect one JSON report per package run for its pass/fail count.
const reportDir = process.env.VITEST_REPORT_DIR;
// VITEST_COVERAGE=true (`pnpm test:coverage`, CI) measures the same run instead of running the suite twice.
const coverage = process.env.VITEST_COVERAGE === "true";

export default defineConfig({
  test: {
    // vitest 4 no longer reads vitest.workspace.ts by itself, so its list is passed here.
    projects,
    // `pnpm test:int` runs every package, some of which have no integration tests.
    passWithNoTests: integrationOnly,
    ...(reportDir
      ? {
          reporters: ["default", "json"],
          outputFile: { json: join(reportDir, `${basename(process.cwd())}-${process.pid}.json`) },
        }
      : {}),
    coverage: {
      enabled: coverage,
      provider: "v8",
      // Each package runs from its own folder (turbo). Its own src files are all reported (untested
      // ones at 0%), and so are the other packages' files its tests ran, so that
      // tooling/coverage/summarize.mjs can merge the runs into what the whole suite covers.
      include: ["src/**/*.{ts,tsx}"],
      allowExternal: true,
      exclude: ["**/node_modules/**", "**/*.test.{ts,tsx}", "**/*.bench.ts", "**/generated/**", "**/testing/**"],
      // <package>/coverage is the test task's output in turbo.json, so a cached run restores it.
      reportsDirectory: join(process.cwd(), "coverage"),
      reporter: ["json"],
      // The numbers are still wanted when a test fails (CI prints them either way).
      reportOnFailure: true,
    },
  },
});
