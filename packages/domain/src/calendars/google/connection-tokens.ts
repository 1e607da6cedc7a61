import { openSecret, sealSecret } from "../../shared/secrets/seal-secret.ts";
import type { SecretKeyring } from "../../shared/secrets/secret-keyring.ts";

/** Each token column has its own purpose, so a sealed value moved to another column does not open. */
export const ACCESS_TOKEN_PURPOSE = "calendar_connections.access_token";
export const REFRESH_TOKEN_PURPOSE = "calendar_connections.refresh_token";

export function sealAccessToken(secrets: SecretKeyring, token: string): string {
  return sealSecret(secrets, ACCESS_TOKEN_PURPOSE, token);
}

export function sealRefreshToken(secrets: SecretKeyring, token: string): string {
  return sealSecret(secrets, REFRESH_TOKEN_PURPOSE, token);
}

export function openAccessToken(secrets: SecretKeyring, sealed: string): string {
  return openSecret(secrets, ACCESS_TOKEN_PURPOSE, sealed);
}

export function openRefreshToken(secrets: SecretKeyring, sealed: string): string {
  return openSecret(secrets, REFRESH_TOKEN_PURPOSE, sealed);
}

/**
 * When a token Google says lasts `expiryDate - Date.now()` expires on our clock. The
 * library stamps `expiry_date` with the machine's time; services run on an injected clock.
 */
export function expiresAtOnClock(now: Date, expiryDate: number | null | undefined): Date | null {
  if (!expiryDate) return null;
  return new Date(now.getTime() + (expiryDate - Date.now()));
}
