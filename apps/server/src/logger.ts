import { type LoggerOptions, pino } from "pino";
import type { Env } from "./env.ts";

/**
 * Anything that may hold a credential. Paths cover our own log fields and the shapes
 * Fastify and pino serializers produce; values are replaced, never printed.
 */
export const REDACTED_PATHS = [
  "password",
  "token",
  "secret",
  "authorization",
  "cookie",
  "*.password",
  "*.currentPassword",
  "*.newPassword",
  "*.token",
  "*.secret",
  "*.authorization",
  "*.cookie",
  "*.headers.authorization",
  "*.headers.cookie",
  '*.headers["set-cookie"]',
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
];

type LoggerEnv = Pick<Env, "LOG_LEVEL" | "LOG_PRETTY" | "NODE_ENV"> & Partial<Pick<Env, "WEB_CONCURRENCY">>;

export function loggerOptions(env: LoggerEnv): LoggerOptions {
  const pretty = env.LOG_PRETTY ?? env.NODE_ENV === "development";
  // With several server processes the pid says which one wrote the line.
  const ignore = (env.WEB_CONCURRENCY ?? 1) > 1 ? "hostname" : "pid,hostname";
  return {
    level: env.LOG_LEVEL,
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    ...(pretty ? { transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss.l", ignore } } } : {}),
  };
}

export function createLogger(env: LoggerEnv) {
  return pino(loggerOptions(env));
}
