import { GENEROUS_RATE_LIMITS } from "./generous-rate-limits.ts";
import { type SpawnedProcess, spawnEntryPoint } from "./spawn-entry-point.ts";

export type SpawnedServer = SpawnedProcess & {
  /** Resolves with the server's base URL once it logged that it listens; rejects if it exits first. */
  listening: Promise<string>;
};

/**
 * Runs the real server entry point (`pnpm start` without turbo) in a child process
 * with the given environment, on a free port, logging JSON. Rate limits are out of reach
 * unless `env` sets them (GENEROUS_RATE_LIMITS).
 */
export function spawnServer(env: Record<string, string>): SpawnedServer {
  const server = spawnEntryPoint("main", {
    PORT: "0",
    ...GENEROUS_RATE_LIMITS,
    ...env,
  });
  const listening = server
    .waitForOutput(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/, "listening")
    .then((match) => match[1] as string);
  listening.catch(() => undefined);
  return { ...server, listening };
}
