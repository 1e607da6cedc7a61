import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const WORKER = fileURLToPath(new URL("../worker.ts", import.meta.url));
const SERVER_DIR = fileURLToPath(new URL("../../", import.meta.url));

export type SpawnedWorker = {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves once the worker logged that it is ready; rejects if it exits first. */
  ready: Promise<void>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

/** Runs the real worker entry point (`pnpm worker`) in a child process, logging JSON. */
export function spawnWorker(env: Record<string, string>): SpawnedWorker {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", LOG_PRETTY: "false", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (chunk) => {
    out += String(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    err += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const onData = () => {
      if (!out.includes('"msg":"worker ready"')) return;
      child.stdout?.off("data", onData);
      resolve();
    };
    child.stdout?.on("data", onData);
    void exited.then((code) => reject(new Error(`worker exited with ${code} before it was ready:\n${err}\n${out}`)));
  });
  // Tests of failed starts never await `ready`; its rejection is expected there.
  ready.catch(() => undefined);
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    ready,
    exited,
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
