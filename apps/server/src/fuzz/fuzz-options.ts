import { GENEROUS_RATE_LIMITS } from "../testing/generous-rate-limits.ts";

/**
 * How the fuzz run is sized and seeded. FUZZ_SEED and FUZZ_RUNS are for the test only
 * (reproducing a CI run), not server configuration.
 */
export type FuzzOptions = { seed: number; runs: number; concurrency: number; timeoutMs: number };

const DEFAULT_RUNS = 10_000;

function wholeNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return number;
}

/** `source` is the test's environment: the test passes process.env (only env.ts and tests read it). */
export function fuzzOptions(source: Record<string, string | undefined>): FuzzOptions {
  return {
    seed: wholeNumber("FUZZ_SEED", source.FUZZ_SEED) ?? Math.floor(Math.random() * 2 ** 31),
    runs: wholeNumber("FUZZ_RUNS", source.FUZZ_RUNS) ?? DEFAULT_RUNS,
    // A few at a time: enough to overlap requests on the server, not a load test.
    concurrency: 4,
    // A request that takes longer is a hang, and fails the run with its input printed.
    timeoutMs: 5_000,
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
