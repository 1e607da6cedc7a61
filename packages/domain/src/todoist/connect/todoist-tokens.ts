import { openSecret, sealSecret } from "../../shared/secrets/seal-secret.ts";
import type { SecretKeyring } from "../../shared/secrets/secret-keyring.ts";

/** Each token column has its own purpose, so a sealed value moved to another column (or table) does not open. */
export const TODOIST_ACCESS_TOKEN_PURPOSE = "todoist_connections.access_token";
export const TODOIST_REFRESH_TOKEN_PURPOSE = "todoist_connections.refresh_token";

export function sealTodoistAccessToken(secrets: SecretKeyring, token: string): string {
  return sealSecret(secrets, TODOIST_ACCESS_TOKEN_PURPOSE, token);
}

export function sealTodoistRefreshToken(secrets: SecretKeyring, token: string): string {
  return sealSecret(secrets, TODOIST_REFRESH_TOKEN_PURPOSE, token);
}

export function openTodoistAccessToken(secrets: SecretKeyring, sealed: string): string {
  return openSecret(secrets, TODOIST_ACCESS_TOKEN_PURPOSE, sealed);
}

export function openTodoistRefreshToken(secrets: SecretKeyring, sealed: string): string {
  return openSecret(secrets, TODOIST_REFRESH_TOKEN_PURPOSE, sealed);
}
