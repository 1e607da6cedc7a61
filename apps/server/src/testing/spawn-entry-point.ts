import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type EntryPointName, entryPointUrl } from "../build/bundle-entry-points.ts";
import { serverBundle } from "./server-bundle.ts";

const SERVER_DIR = fileURLToPath(new URL("../../", import.meta.url));

export type SpawnedProcess = {
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /**
   * Resolves with the first match of `pattern` in stdout; rejects if the process exits
   * first. Failed-start tests never await it, so an unawaited rejection is swallowed.
   */
  waitForOutput(pattern: RegExp, what: string): Promise<RegExpMatchArray>;
};

/**
 * Runs one of the app's entry points (server, worker) as production does: compiled
 * (serverBundle), in its own process, logging JSON. The process starts once the bundle is
 * ready; everything here waits for it.
 */
export function spawnEntryPoint(entry: EntryPointName, env: Record<string, string>): SpawnedProcess {
  let out = "";
  let err = "";
  const outputListeners = new Set<() => void>();
  const started: Promise<ChildProcess> = serverBundle().then((bundle) => {
    const child = spawn(process.execPath, ["--enable-source-maps", fileURLToPath(entryPointUrl(bundle, entry))], {
      cwd: SERVER_DIR,
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", LOG_PRETTY: "false", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (chunk) => {
      out += String(chunk);
      for (const listener of outputListeners) listener();
    });
    child.stderr?.on("data", (chunk) => {
      err += String(chunk);
    });
    // A test run that ends early (a timeout, Ctrl-C) must not leave a server running behind it.
    const killChild = () => child.kill("SIGKILL");
    process.once("exit", killChild);
    child.once("exit", () => process.off("exit", killChild));
    return child;
  });
  const exited = started.then(
    (child) => new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code))),
  );

  return {
    stdout: () => out,
    stderr: () => err,
    exited,
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      const child = await started;
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    waitForOutput(pattern, what) {
      const found = new Promise<RegExpMatchArray>((resolve, reject) => {
        const check = () => {
          const match = out.match(pattern);
          if (!match) return;
          outputListeners.delete(check);
          resolve(match);
        };
        outputListeners.add(check);
        check();
        void exited.then((code) => reject(new Error(`exited with ${code} before ${what}:\n${err}\n${out}`)));
      });
      found.catch(() => undefined);
      return found;
    },
  };
}
