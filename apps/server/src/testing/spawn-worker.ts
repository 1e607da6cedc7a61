import { type SpawnedProcess, spawnEntryPoint } from "./spawn-entry-point.ts";

export type SpawnedWorker = SpawnedProcess & {
  /** Resolves once the worker logged that it is ready; rejects if it exits first. */
  ready: Promise<void>;
};

/** Runs the real worker entry point (`pnpm worker`) in a child process, logging JSON. */
export function spawnWorker(env: Record<string, string>): SpawnedWorker {
  const worker = spawnEntryPoint("worker", env);
  const ready = worker.waitForOutput(/"msg":"worker ready"/, "the worker was ready").then(() => undefined);
  ready.catch(() => undefined);
  return { ...worker, ready };
}
