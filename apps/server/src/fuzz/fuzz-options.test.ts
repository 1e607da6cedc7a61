import { describe, expect, it } from "vitest";
import { fuzzOptions } from "./fuzz-options.ts";

describe("fuzzOptions", () => {
  it("runs a small fixed-seed fuzz inside the suite, so every machine sends the same requests", () => {
    expect(fuzzOptions({})).toMatchObject({ seed: 20_261_201, runs: 500 });
    expect(fuzzOptions({})).toEqual(fuzzOptions({}));
  });

  it("takes FUZZ_SEED and FUZZ_RUNS to replay or lengthen a run", () => {
    expect(fuzzOptions({ FUZZ_SEED: "1234", FUZZ_RUNS: "10000" })).toMatchObject({ seed: 1234, runs: 10_000 });
  });

  it("draws a fresh seed for FUZZ_SEED=random (pnpm fuzz)", () => {
    const { seed } = fuzzOptions({ FUZZ_SEED: "random" });
    expect(Number.isSafeInteger(seed) && seed >= 0 && seed < 2 ** 31).toBe(true);
  });

  it("refuses a value that is not a whole number", () => {
    expect(() => fuzzOptions({ FUZZ_RUNS: "many" })).toThrow('FUZZ_RUNS must be a whole number, got "many"');
    expect(() => fuzzOptions({ FUZZ_SEED: "-1" })).toThrow(/FUZZ_SEED must be a whole number/);
  });
});
