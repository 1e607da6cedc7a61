import { GOOGLE_CALLBACK_PATH, GOOGLE_NOTIFICATIONS_PATH, type GoogleConfig } from "@agendacraft/domain/calendars";
import {
  type Clock,
  clockStartingAt,
  systemClock,
  ZSecretKeyListVariable,
  ZSecretKeyVariable,
} from "@agendacraft/domain/shared";
import { DEFAULT_TODOIST_SYNC_INTERVAL_SECONDS, type TodoistConfig, todoistConfig } from "@agendacraft/domain/todoist";
import { z } from "zod";

/**
 * Every environment variable the server reads, validated once at start. The README's
 * configuration table documents each of them; keep the two in step.
 */
const PORT_RANGE = "must be a port number from 0 to 65535";
/** Far above the cores of one machine; more workers than cores only adds memory and connections. */
export const MAX_WEB_CONCURRENCY = 32;
const WEB_CONCURRENCY_RANGE = `must be a whole number of server processes from 1 to ${MAX_WEB_CONCURRENCY}`;

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce
    .number({ error: PORT_RANGE })
    .int({ error: PORT_RANGE })
    .min(0, { error: PORT_RANGE })
    .max(65535, { error: PORT_RANGE })
    .default(3000),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATA_DIR: z.string().min(1).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Pretty, human-readable logs; defaults to on in development. */
  LOG_PRETTY: z.stringbool().optional(),
  /** Database statements taking at least this many milliseconds are logged at warn with the procedure and request id. */
  SLOW_QUERY_MS: z.coerce.number().int().min(0).default(500),
  /** The bearer token Prometheus sends to read /metrics; unset: /metrics answers 404. */
  METRICS_TOKEN: z
    .string()
    .min(16, { error: "must be at least 16 characters" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Where people reach the app, e.g. `https://agendacraft.example.com`; cookies and origin checks use it. */
  PUBLIC_URL: z.url({ error: "must be the URL people open, e.g. https://agendacraft.example.com" }).optional(),
  /** Signs session cookies; at least 32 characters. Unset: one is generated and kept in the database. */
  AUTH_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
  /** Encrypts secrets at rest (calendar addresses): 32 bytes in base64. Unset: derived from the auth secret. */
  SECRETS_KEY: ZSecretKeyVariable,
  /** Comma-separated keys that sealed secrets before SECRETS_KEY; still accepted for reading until a rotation. */
  SECRETS_PREVIOUS_KEYS: ZSecretKeyListVariable,
  /** Sign-in and sign-up attempts per window: per client address, per (email, address) pair, per email from anywhere. */
  AUTH_RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(30),
  AUTH_RATE_LIMIT_PER_EMAIL_AND_IP: z.coerce.number().int().min(1).default(10),
  AUTH_RATE_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).default(100),
  AUTH_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  /**
   * tRPC calls per minute per signed-in person, per minute per address without a session, and
   * password checks / token creations per hour per person: far above what the web app does.
   */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  API_RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  API_RATE_LIMIT_SENSITIVE_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /** Most tRPC calls one HTTP request may batch; the bundled client sends at most 10. */
  API_BATCH_MAX_CALLS: z.coerce.number().int().min(1).default(10),
  /** Comma-separated origins allowed to call the API from a browser, e.g. `https://app.example.com`. */
  CORS_ORIGINS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ error: "must be a comma-separated list of origins like https://app.example.com" }))),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  /** Trust X-Forwarded-For from a proxy in front: `true`, or a comma-separated list of proxy addresses/CIDRs. */
  TRUST_PROXY: z.string().default("false"),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** The built web app to serve at `/`; defaults to apps/web/dist. */
  WEB_DIST_DIR: z.string().min(1).optional(),
  /** `true` lets calendar addresses point at loopback and private networks (for local test calendars only). */
  CALENDAR_FEEDS_ALLOW_PRIVATE_NETWORKS: z
    .enum(["true", "false"], { error: "must be true or false" })
    .default("false")
    .transform((value) => value === "true"),
  /** Google's OAuth client (Sign in with Google, Google Calendar). Both or neither; unset: Google features are off. */
  GOOGLE_CLIENT_ID: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined),
  GOOGLE_CLIENT_SECRET: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined),
  /** Replaces every Google origin the server calls (tests, `pnpm fake:google`); paths stay Google's. Unset: Google itself. */
  GOOGLE_BASE_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL, e.g. http://127.0.0.1:4010" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** How often the worker syncs each connected Google account. */
  GOOGLE_SYNC_INTERVAL_SECONDS: z.coerce.number().int().min(30, { error: "must be at least 30" }).default(300),
  /**
   * Replaces both todoist.com and api.todoist.com with this one origin, paths unchanged (tests,
   * `pnpm fake:todoist`). Unset: Todoist itself.
   */
  TODOIST_BASE_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL, e.g. http://127.0.0.1:4020" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Todoist's OAuth app ("Connect with Todoist"). Both or neither; unset: people connect with a personal API token. */
  TODOIST_CLIENT_ID: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined),
  TODOIST_CLIENT_SECRET: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined),
  /** How often the worker syncs each Todoist connection. */
  TODOIST_SYNC_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(60, { error: "must be at least 60" })
    .default(DEFAULT_TODOIST_SYNC_INTERVAL_SECONDS),
  /**
   * HTTP server processes `pnpm start` runs on the one port (node:cluster), PostgreSQL only: the
   * embedded database is one session in one process, so there it stays 1 and says so.
   */
  WEB_CONCURRENCY: z.preprocess(
    // Some hosts set it empty; that means the default, not zero.
    (value) => (value === "" ? undefined : value),
    z.coerce
      .number({ error: WEB_CONCURRENCY_RANGE })
      .int({ error: WEB_CONCURRENCY_RANGE })
      .min(1, { error: WEB_CONCURRENCY_RANGE })
      .max(MAX_WEB_CONCURRENCY, { error: WEB_CONCURRENCY_RANGE })
      .default(1),
  ),
  /** `inline`: the server runs the job workers itself; `off`: it only enqueues, and `pnpm worker` processes run them. */
  WORKER: z.enum(["inline", "off"], { error: "must be inline or off" }).default("inline"),
  /** Where reminder emails go out, e.g. `smtp://user:pass@mail.example.com:587` (or `smtps://` for port 465). Unset: emails are written to the log. */
  SMTP_URL: z
    .url({
      protocol: /^smtps?$/,
      error: "must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.com:587",
    })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** The sender of reminder emails: an address, or `Name <address>`. */
  MAIL_FROM: z
    .string()
    .trim()
    .regex(/^([^<>@\r\n]+ <[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, {
      error: 'must be an email address or "Name <address>", e.g. AgendaCraft <no-reply@example.com>',
    })
    .default("AgendaCraft <no-reply@localhost>"),
  /**
   * Test and demo only: the instant (ISO 8601 with offset) the server's "now" starts at, then
   * runs forward from. It moves what a person sees and plans (Today, Upcoming, the plan's
   * start); sessions, rate limits, reminders and job timing keep real time. Refused in production.
   */
  AGENDACRAFT_CLOCK_START: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.iso
      .datetime({ offset: true, error: "must be an ISO 8601 instant, e.g. 2026-12-07T08:30:00+01:00" })
      .transform((value) => new Date(value))
      .optional(),
  ),
});

export type Env = z.infer<typeof ZEnv>;

/** Every variable the server reads (the README's Configuration table lists the same). */
export const ENV_VARIABLE_NAMES = Object.keys(ZEnv.shape);

export class EnvError extends Error {
  override readonly name = "EnvError";
}

/** Never echoed in an error message. */
const SECRET_VARIABLES = new Set([
  "DATABASE_URL",
  "AUTH_SECRET",
  "SECRETS_KEY",
  "SECRETS_PREVIOUS_KEYS",
  "SMTP_URL",
  "METRICS_TOKEN",
  "GOOGLE_CLIENT_SECRET",
  "TODOIST_CLIENT_SECRET",
]);

/** Parses the environment; throws EnvError naming the first bad variable in one line. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = ZEnv.safeParse(source);
  if (result.success) {
    if (Boolean(result.data.GOOGLE_CLIENT_ID) !== Boolean(result.data.GOOGLE_CLIENT_SECRET)) {
      const missing = result.data.GOOGLE_CLIENT_ID ? "GOOGLE_CLIENT_SECRET" : "GOOGLE_CLIENT_ID";
      throw new EnvError(
        `Invalid environment variable ${missing}: set GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET together, or neither`,
      );
    }
    if (Boolean(result.data.TODOIST_CLIENT_ID) !== Boolean(result.data.TODOIST_CLIENT_SECRET)) {
      const missing = result.data.TODOIST_CLIENT_ID ? "TODOIST_CLIENT_SECRET" : "TODOIST_CLIENT_ID";
      throw new EnvError(
        `Invalid environment variable ${missing}: set TODOIST_CLIENT_ID and TODOIST_CLIENT_SECRET together, or neither`,
      );
    }
    if (result.data.AGENDACRAFT_CLOCK_START && result.data.NODE_ENV === "production") {
      throw new EnvError(
        "Invalid environment variable AGENDACRAFT_CLOCK_START: a shifted clock is for tests and demos only; unset it when NODE_ENV=production",
      );
    }
    return result.data;
  }
  const issue = result.error.issues[0];
  const name = issue?.path.join(".") ?? "environment";
  const value = source[name];
  const secret = SECRET_VARIABLES.has(name);
  const shown = value === undefined || secret ? "" : ` (got "${value}")`;
  throw new EnvError(`Invalid environment variable ${name}${shown}: ${issue?.message ?? "invalid"}`);
}

/** `loadEnv` for entry points (server, worker): a bad variable prints its one line and exits with code 1. */
export function loadEnvOrExit(): Env {
  try {
    return loadEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** The app's own origin: PUBLIC_URL, or where this server listens locally. */
export function publicOrigin(env: Pick<Env, "PUBLIC_URL" | "PORT">): string {
  return new URL(env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).origin;
}

/** TRUST_PROXY as Fastify wants it. */
export function trustProxySetting(value: string): boolean | string[] {
  if (value === "true") return true;
  if (value === "false" || value === "") return false;
  return value.split(",").map((address) => address.trim());
}

/** The clock people's time is read from: real time, or AGENDACRAFT_CLOCK_START's running from its start. */
export function personClockFrom(env: Pick<Env, "AGENDACRAFT_CLOCK_START">): Clock {
  return env.AGENDACRAFT_CLOCK_START ? clockStartingAt(env.AGENDACRAFT_CLOCK_START) : systemClock;
}

/** The Google client the env describes; null when GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET are unset. */
export function googleConfigFrom(env: Env): GoogleConfig | null {
  if (!env.GOOGLE_CLIENT_ID || !env.GOOGLE_CLIENT_SECRET) return null;
  return {
    clientId: env.GOOGLE_CLIENT_ID,
    clientSecret: env.GOOGLE_CLIENT_SECRET,
    baseUrl: env.GOOGLE_BASE_URL,
    syncIntervalSeconds: env.GOOGLE_SYNC_INTERVAL_SECONDS,
    redirectUri: `${publicOrigin(env)}${GOOGLE_CALLBACK_PATH}`,
    ...(googlePushAddress(env) ? { pushAddress: googlePushAddress(env) } : {}),
  };
}

/**
 * Where Google should POST push notifications: only when PUBLIC_URL is https, because Google
 * delivers to nothing else. Otherwise undefined, and changes are found by polling alone.
 */
export function googlePushAddress(env: Pick<Env, "PUBLIC_URL">): string | undefined {
  if (!env.PUBLIC_URL) return undefined;
  const url = new URL(env.PUBLIC_URL);
  return url.protocol === "https:" ? `${url.origin}${GOOGLE_NOTIFICATIONS_PATH}` : undefined;
}

/**
 * How the server reaches Todoist. Always a config: connecting with a personal API token
 * needs no TODOIST_* setting; TODOIST_CLIENT_ID / TODOIST_CLIENT_SECRET add the OAuth connect.
 */
export function todoistConfigFrom(env: Env): TodoistConfig {
  return todoistConfig({
    baseUrl: env.TODOIST_BASE_URL,
    clientId: env.TODOIST_CLIENT_ID,
    clientSecret: env.TODOIST_CLIENT_SECRET,
    publicOrigin: publicOrigin(env),
    syncIntervalSeconds: env.TODOIST_SYNC_INTERVAL_SECONDS,
  });
}
