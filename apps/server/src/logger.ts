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

export function loggerOptions(env: Pick<Env, "LOG_LEVEL" | "LOG_PRETTY" | "NODE_ENV">): LoggerOptions {
  const pretty = env.LOG_PRETTY ?? env.NODE_ENV === "development";
  return {
    level: env.LOG_LEVEL,
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    ...(pretty
      ? { transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname" } } }
      : {}),
  };
}

export function createLogger(env: Pick<Env, "LOG_LEVEL" | "LOG_PRETTY" | "NODE_ENV">) {
  return pino(loggerOptions(env));
}
