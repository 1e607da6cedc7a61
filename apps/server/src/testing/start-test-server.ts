import { Writable } from "node:stream";
import type { ServerDeps } from "@agendacraft/api/context";
import { fixedClock } from "@agendacraft/domain/shared";
import { pino } from "pino";
import { buildServer } from "../build-server.ts";
import { type Env, loadEnv } from "../env.ts";
import { loggerOptions } from "../logger.ts";

export type TestServer = {
  url: string;
  /** Every log line the server wrote, as text (JSON lines). */
  logText(): string;
  logLines(): Record<string, unknown>[];
  close(): Promise<void>;
};

/** The real HTTP server on a free loopback port, over the given database, logging into memory. */
export async function startTestServer({
  db,
  env: overrides = {},
  readinessProbes,
}: {
  db: ServerDeps["db"];
  env?: Record<string, string>;
  readinessProbes?: ServerDeps["readinessProbes"];
}): Promise<TestServer> {
  const env: Env = loadEnv({ NODE_ENV: "test", LOG_PRETTY: "false", LOG_LEVEL: "info", ...overrides });
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const logger = pino(loggerOptions(env), sink);
  const app = await buildServer({
    env,
    logger,
    deps: {
      db,
      log: logger,
      clock: fixedClock("2026-06-01T09:00:00Z"),
      app: { version: "0.0.0-test", startedAt: new Date("2026-06-01T08:58:00Z") },
      readinessProbes,
    },
  });
  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  const logText = () => chunks.join("");
  return {
    url: address,
    logText,
    logLines: () =>
      logText()
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    close: () => app.close(),
  };
}
