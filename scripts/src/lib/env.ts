import { homedir } from "node:os";
import { join, resolve } from "node:path";

const DEFAULT_URL = "http://localhost:3000";

export type ScriptsEnv = {
  /** The server's base URL without a trailing slash, e.g. `http://localhost:3000`. */
  baseUrl: string;
  /** AGENDACRAFT_URL when it is set: then it wins over the URL saved by `ac login`. */
  urlOverride: string | undefined;
  /** Where `ac login` keeps credentials.json. */
  configDir: string;
  /** AGENDACRAFT_TOKEN: an API token that takes the place of the saved credentials (CI, one-off scripts). */
  token: string | undefined;
  /** AGENDACRAFT_PASSWORD: lets `ac login` run without a terminal. */
  password: string | undefined;
};

/** The only place the scripts read the environment; a bad value fails with the variable's name. */
export function readEnv(source: NodeJS.ProcessEnv = process.env, home: string = homedir()): ScriptsEnv {
  const urlOverride = source.AGENDACRAFT_URL?.trim() ? parseBaseUrl(source.AGENDACRAFT_URL.trim()) : undefined;
  const configDir = source.AGENDACRAFT_CONFIG_DIR?.trim();
  return {
    baseUrl: urlOverride ?? DEFAULT_URL,
    urlOverride,
    // Absolute, so messages name the file wherever the command was started.
    configDir: configDir ? resolve(configDir) : join(home, ".config", "agendacraft"),
    token: source.AGENDACRAFT_TOKEN?.trim() || undefined,
    // Not trimmed: spaces can be part of a password.
    password: source.AGENDACRAFT_PASSWORD || undefined,
  };
}

function parseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`AGENDACRAFT_URL is not a URL: "${raw}" (expected e.g. ${DEFAULT_URL})`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`AGENDACRAFT_URL must start with http:// or https://, got "${raw}"`);
  }
  return url.href.replace(/\/+$/, "");
}

/** What the admin scripts that open the server's database themselves (`pnpm db:seed`, `pnpm jobs`) read. */
export type DatabaseEnv = {
  /** DATABASE_URL: the server's PostgreSQL database; unset means the embedded one. */
  databaseUrl: string | undefined;
  /** DATA_DIR: the embedded database's directory (the database package defaults it). */
  dataDir: string | undefined;
};

export function readDatabaseEnv(source: NodeJS.ProcessEnv = process.env): DatabaseEnv {
  return { databaseUrl: source.DATABASE_URL || undefined, dataDir: source.DATA_DIR || undefined };
}

/** What `pnpm db:seed` reads beyond the database: the server's public address and secret, and the demo's zone. */
export type SeedEnv = {
  /** PUBLIC_URL's origin, or http://localhost:PORT (PORT defaults to 3000), as the server computes it. */
  publicUrl: string;
  /** AUTH_SECRET when set; otherwise the secret the server stored in the database. */
  authSecret: string | undefined;
  /** SEED_TIME_ZONE, or this machine's zone. */
  timeZone: string;
};

export function readSeedEnv(source: NodeJS.ProcessEnv = process.env): SeedEnv {
  return {
    publicUrl: new URL(source.PUBLIC_URL ?? `http://localhost:${source.PORT ?? 3000}`).origin,
    authSecret: source.AUTH_SECRET,
    timeZone: source.SEED_TIME_ZONE ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}
