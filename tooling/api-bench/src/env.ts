/**
 * What `pnpm bench:api` reads from its environment. BENCH_DATABASE_URL (or DATABASE_URL)
 * names a PostgreSQL server the bench may create a database on; it never writes to the
 * database the URL names, only to one it creates next to it and drops at the end.
 */
export type BenchEnv = {
  /** A server to create the bench's own database on; undefined: embedded only, no floor. */
  postgresUrl: string | undefined;
  seconds: number;
  rounds: number;
  /** How many times each start-time figure is taken (the median is reported). */
  startRuns: number;
  /** The app's LOG_LEVEL; unset: the app's own default, as `pnpm start` runs it. */
  logLevel: string | undefined;
};

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a whole number of at least 1, got "${raw}"`);
  }
  return value;
}

export function loadBenchEnv(): BenchEnv {
  const postgresUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined;
  if (postgresUrl && !/^postgres(ql)?:\/\//.test(postgresUrl)) {
    throw new Error("BENCH_DATABASE_URL / DATABASE_URL must be a postgresql:// URL");
  }
  return {
    postgresUrl,
    seconds: positiveInteger("BENCH_SECONDS", 12),
    rounds: positiveInteger("BENCH_ROUNDS", 3),
    startRuns: positiveInteger("BENCH_START_RUNS", 3),
    logLevel: process.env.LOG_LEVEL || undefined,
  };
}
