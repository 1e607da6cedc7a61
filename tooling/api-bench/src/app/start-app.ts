import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SERVER_DIR = fileURLToPath(new URL("../../../../apps/server/", import.meta.url));
/** What `pnpm start` runs; `pnpm bench:api` builds it first (`pnpm --filter @agendacraft/server build`). */
export const SERVER_ENTRY = join(SERVER_DIR, "dist/main.js");

/** Far above what the load sends: the bench measures the calls, not the rate limiter refusing them. */
const OUT_OF_REACH_RATE_LIMITS = {
  API_RATE_LIMIT_PER_MINUTE: "100000000",
  API_RATE_LIMIT_ANONYMOUS_PER_MINUTE: "100000000",
  API_RATE_LIMIT_SENSITIVE_PER_HOUR: "100000000",
};

export type AppOptions = {
  /** PostgreSQL (`url`) or the embedded database in `dataDir`. */
  database: { url: string } | { dataDir: string };
  /** Where the app's log goes (a file: piping it into the bench would cost the bench CPU). */
  logFile: string;
  workers?: number;
  logLevel?: string;
};

export type RunningApp = {
  url: string;
  /** Milliseconds from spawning `node dist/main.js` to /ready answering 200. */
  startMs: number;
  /** The server's process and every process under it (cluster workers, a job worker). */
  processCount(): number;
  stop(): Promise<void>;
};

/** Starts the built server as `pnpm start` does, with production settings, and waits for /ready. */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(`${SERVER_ENTRY} is missing: run pnpm --filter @agendacraft/server build (pnpm bench:api does)`);
  }
  const port = await freePort();
  const log = openSync(options.logFile, "a");
  const startedAt = performance.now();
  const child = spawn(process.execPath, ["--enable-source-maps", SERVER_ENTRY], {
    cwd: SERVER_DIR,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_PRETTY: "false",
      AUTH_SECRET: "bench-auth-secret-bench-auth-secret-0123456789",
      ...("url" in options.database ? { DATABASE_URL: options.database.url } : { DATA_DIR: options.database.dataDir }),
      ...(options.workers ? { WEB_CONCURRENCY: String(options.workers) } : {}),
      ...(options.logLevel ? { LOG_LEVEL: options.logLevel } : {}),
      ...OUT_OF_REACH_RATE_LIMITS,
    },
    stdio: ["ignore", log, log],
  });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  void exited.then(() => process.off("exit", killOnExit));

  const url = `http://127.0.0.1:${port}`;
  await waitForReady(url, exited, options.logFile);
  const startMs = performance.now() - startedAt;
  return {
    url,
    startMs,
    processCount: () => (child.pid ? 1 + descendants(child.pid).length : 0),
    stop: () => stop(child, exited),
  };
}

async function waitForReady(url: string, exited: Promise<number | null>, logFile: string): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`the server exited with ${exitCode} before /ready:\n${tail(logFile)}`);
    const ready = await fetch(`${url}/ready`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the server did not answer /ready within 120 s:\n${tail(logFile)}`);
}

async function stop(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

function tail(logFile: string): string {
  return readFileSync(logFile, "utf8").split("\n").slice(-20).join("\n");
}

/** Child processes, read from /proc (Linux); elsewhere none are seen. */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);
  } catch {
    return [];
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
