import { fuzzOptions } from "../../fuzz/fuzz-options.ts";

/** Inside every test run: a few hundred requests, a few seconds. FUZZ_RUNS asks for more. */
const SUITE_RUNS = 300;

export type RestFuzzOptions = { seed: number; runs: number };

/** FUZZ_SEED and FUZZ_RUNS read as the tRPC fuzz reads them (turbo passes both to tests). */
export function restFuzzOptions(source: Record<string, string | undefined>): RestFuzzOptions {
  const { seed, runs } = fuzzOptions(source);
  return { seed, runs: source.FUZZ_RUNS ? runs : SUITE_RUNS };
}

/** The same seed gives an operation the same requests whatever other operations exist. */
export function operationSeed(seed: number, operationId: string): number {
  let hash = seed | 0;
  for (const char of operationId) hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) | 0;
  return hash >>> 0;
}
