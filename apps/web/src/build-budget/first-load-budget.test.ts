// @vitest-environment node
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { type BudgetChunk, checkFirstLoadBudget, firstLoadBudget, measureFirstLoad } from "./first-load-budget.ts";

// Random text barely compresses, so a big chunk stays big after gzip.
function chunk(fileName: string, kb: number, imports: string[] = [], isEntry = false): BudgetChunk {
  return { type: "chunk", fileName, isEntry, imports, code: randomBytes(kb * 1000).toString("base64") };
}
const gzipKb = (...names: (keyof typeof bundle)[]) =>
  names.reduce((sum, name) => sum + gzipSync((bundle[name] as BudgetChunk).code).length, 0) / 1000;

const bundle = {
  "index.js": chunk("index.js", 50, ["vendor.js", "runtime.js"], true),
  "vendor.js": chunk("vendor.js", 30, ["runtime.js"]),
  "runtime.js": chunk("runtime.js", 1),
  "week-page.js": chunk("week-page.js", 80, ["vendor.js"]),
  "index.css": { type: "asset" as const, fileName: "index.css" },
};

describe("the first-load budget", () => {
  it("counts the entry and its static imports once each, not lazily loaded pages", () => {
    const size = measureFirstLoad(bundle);
    expect(size.files).toEqual(["index.js", "runtime.js", "vendor.js"]);
    expect(size.gzipKb).toBeCloseTo(gzipKb("index.js", "vendor.js", "runtime.js"), 1);
  });

  it("passes a first load inside the budget and names the files of one over it", () => {
    const size = measureFirstLoad(bundle);
    expect(checkFirstLoadBudget(size, size.gzipKb)).toBeNull();
    const failure = checkFirstLoadBudget(size, 60);
    expect(failure).toBe(
      `First-load JavaScript is ${size.gzipKb} kB gzip, over the budget of 60 kB (index.js, runtime.js, vendor.js). ` +
        "Load the new code lazily (routes.tsx) or raise FIRST_LOAD_BUDGET_KB in " +
        "apps/web/src/build-budget/first-load-budget.ts on purpose.",
    );
  });

  it("fails the build through the plugin when the budget is exceeded", () => {
    const messages: string[] = [];
    const context = {
      error(message: string): never {
        throw new Error(message);
      },
      info(message: string) {
        messages.push(message);
      },
    };
    expect(() => firstLoadBudget(60).writeBundle.call(context, {}, bundle)).toThrow(/over the budget of 60 kB/);
    firstLoadBudget(100).writeBundle.call(context, {}, bundle);
    const { gzipKb: measured } = measureFirstLoad(bundle);
    expect(messages).toEqual([`first-load JavaScript ${measured} kB gzip of a 100 kB budget`]);
  });
});
