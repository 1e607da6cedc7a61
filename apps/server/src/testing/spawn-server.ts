import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));
const SERVER_DIR = fileURLToPath(new URL("../../", import.meta.url));

export type SpawnedServer = {
  /** Set once the server logged that it listens. */
  url: string;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

/**
 * Runs the real server entry point (`pnpm start` without turbo) in a child process
 * with the given environment, on a free port, logging JSON.
 */
export function spawnServer(env: Record<string, string>): SpawnedServer & { listening: Promise<string> } {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", LOG_PRETTY: "false", PORT: "0", ...env },
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

  const server = {
    url: "",
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };

  const listening = new Promise<string>((resolve, reject) => {
    const onData = () => {
      const match = out.match(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/);
      if (!match?.[1]) return;
      child.stdout?.off("data", onData);
      server.url = match[1];
      resolve(match[1]);
    };
    child.stdout?.on("data", onData);
    void exited.then((code) => reject(new Error(`server exited with ${code} before listening:\n${err}\n${out}`)));
  });

  // Tests of failed starts never await `listening`; its rejection is expected there.
  listening.catch(() => undefined);
  return Object.assign(server, { listening });
}
