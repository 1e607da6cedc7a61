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
