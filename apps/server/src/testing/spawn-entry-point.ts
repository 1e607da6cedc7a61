import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const SERVER_DIR = fileURLToPath(new URL("../../", import.meta.url));

export type SpawnedProcess = {
  child: ChildProcess;
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

/** Runs one of the app's entry points (server, worker) as production does: its own process, JSON logs. */
export function spawnEntryPoint(entry: URL, env: Record<string, string>): SpawnedProcess {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(entry)], {
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
  // A test run that ends early (a timeout, Ctrl-C) must not leave a server running behind it.
  const killChild = () => child.kill("SIGKILL");
  process.once("exit", killChild);
  void exited.then(() => process.off("exit", killChild));

  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
    waitForOutput(pattern, what) {
      const found = new Promise<RegExpMatchArray>((resolve, reject) => {
        const onData = () => {
          const match = out.match(pattern);
          if (!match) return;
          child.stdout?.off("data", onData);
          resolve(match);
        };
        child.stdout?.on("data", onData);
        onData();
        void exited.then((code) => reject(new Error(`exited with ${code} before ${what}:\n${err}\n${out}`)));
      });
      found.catch(() => undefined);
      return found;
    },
  };
}
