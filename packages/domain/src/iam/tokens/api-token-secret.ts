import { createHash, randomBytes } from "node:crypto";

/** Recognisable in logs, secret scanners and Authorization headers. */
export const API_TOKEN_PREFIX = "act_";
const VISIBLE_CHARACTERS = 12;

export function generateApiTokenSecret(): { secret: string; prefix: string; hash: string } {
  const secret = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, VISIBLE_CHARACTERS), hash: hashApiTokenSecret(secret) };
}

/**
 * SHA-256, not a slow hash: the secret is 256 random bits, so it cannot be guessed
 * from its hash, and every API request must look it up quickly.
 */
export function hashApiTokenSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
