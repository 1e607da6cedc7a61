import { type Credentials, credentialsPath, findCredentials } from "./credentials-store.ts";
import type { ScriptsEnv } from "./env.ts";

export type ActiveToken = {
  baseUrl: string;
  token: string;
  /** Where the token came from, for messages: the environment or the file `ac login` wrote. */
  source: { kind: "env" } | { kind: "file"; path: string; credentials: Credentials };
};

/**
 * AGENDACRAFT_TOKEN wins over the saved credentials (CI sets it on purpose). An env token
 * goes to AGENDACRAFT_URL or the default; a saved one to the server it was created on,
 * unless AGENDACRAFT_URL says the server is now reached elsewhere.
 */
export function resolveToken({
  env,
  saved,
}: {
  env: Pick<ScriptsEnv, "baseUrl" | "urlOverride" | "token">;
  saved: { path: string; credentials: Credentials } | null;
}): ActiveToken | null {
  if (env.token) return { baseUrl: env.baseUrl, token: env.token, source: { kind: "env" } };
  if (!saved) return null;
  return {
    baseUrl: env.urlOverride ?? saved.credentials.url,
    token: saved.credentials.token,
    source: { kind: "file", ...saved },
  };
}

/** The token a command acts with: the environment's, else the one `ac login` saved; null when signed out. */
export async function findActiveToken(
  env: Pick<ScriptsEnv, "baseUrl" | "urlOverride" | "token" | "configDir">,
): Promise<ActiveToken | null> {
  const credentials = await findCredentials(env.configDir);
  return resolveToken({ env, saved: credentials ? { path: credentialsPath(env.configDir), credentials } : null });
}
