import { hkdfSync } from "node:crypto";
import { SECRET_KEY_BYTES } from "./secret-keyring.ts";

/**
 * A key for secrets at rest derived from the auth secret (HKDF-SHA256), for installs that
 * set no SECRETS_KEY: the quick start needs no setup, and the key follows the auth
 * secret's rules (generated once and kept in the database when AUTH_SECRET is unset).
 */
export function deriveSecretKey(authSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret, "agendacraft", "agendacraft secrets at rest v1", SECRET_KEY_BYTES));
}
