import { GENEROUS_RATE_LIMITS } from "../testing/generous-rate-limits.ts";

/**
 * How the fuzz run is sized and seeded. FUZZ_SEED and FUZZ_RUNS are for the test only
 * (reproducing a run), not server configuration.
 */
export type FuzzOptions = { seed: number; runs: number; concurrency: number; timeoutMs: number };

/**
 * Inside every test run: a few hundred requests from one fixed seed, so the suite stays fast
 * and a failure replays the same way on every machine. `pnpm fuzz` runs the long, randomly
 * seeded search (10,000 requests) on its own.
 */
const SUITE_RUNS = 500;
const SUITE_SEED = 20_261_201;

function seedFrom(value: string | undefined): number {
  // "random" (what `pnpm fuzz` passes by default) draws a new seed, printed for replaying.
  if (value === "random") return Math.floor(Math.random() * 2 ** 31);
  return wholeNumber("FUZZ_SEED", value) ?? SUITE_SEED;
}

function wholeNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return number;
}

/** `source` is the test's environment: the test passes process.env (only env.ts and tests read it). */
export function fuzzOptions(source: Record<string, string | undefined>): FuzzOptions {
  return {
    seed: seedFrom(source.FUZZ_SEED),
    runs: wholeNumber("FUZZ_RUNS", source.FUZZ_RUNS) ?? SUITE_RUNS,
    // A few at a time: enough to overlap requests on the server, not a load test.
    concurrency: 4,
    // A request that takes longer is a hang, and fails the run with its input printed. Slow is
    // not a hang: a loaded 2-core machine took over 5 s for some batches, so slowness is only
    // reported (the slowest requests are printed) and measured in `pnpm bench`.
    timeoutMs: 30_000,
  };
}

/**
 * The fuzz server's own configuration: rate limits out of reach, so thousands of requests
 * from one person and one address in a minute are served rather than throttled (a 429
 * would hide what the request does); the batch cap stays as in production. Calendar
 * addresses may point at loopback so `calendars.feeds.add` reaches the local test
 * calendar server.
 */
export const FUZZ_SERVER_ENV: Record<string, string> = {
  ...GENEROUS_RATE_LIMITS,
  CALENDAR_FEEDS_ALLOW_PRIVATE_NETWORKS: "true",
  LOG_LEVEL: "warn",
};
