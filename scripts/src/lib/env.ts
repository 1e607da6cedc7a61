const DEFAULT_URL = "http://localhost:3000";

export type ScriptsEnv = {
  /** The server's base URL without a trailing slash, e.g. `http://localhost:3000`. */
  baseUrl: string;
};

/** The only place the scripts read the environment; a bad value fails with the variable's name. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): ScriptsEnv {
  const raw = source.AGENDACRAFT_URL?.trim() || DEFAULT_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`AGENDACRAFT_URL is not a URL: "${raw}" (expected e.g. ${DEFAULT_URL})`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`AGENDACRAFT_URL must start with http:// or https://, got "${raw}"`);
  }
  return { baseUrl: url.href.replace(/\/+$/, "") };
}
