import { createHash } from "node:crypto";

/** An AES-256 key and the short id stored next to everything it encrypts. */
export type SecretKey = { id: string; key: Buffer };

/** The key new secrets are sealed with, and the older ones still accepted for opening them. */
export type SecretKeyring = { current: SecretKey; previous: readonly SecretKey[] };

export const SECRET_KEY_BYTES = 32;

/**
 * The id is a fingerprint of the key itself, so configuration names keys by their value
 * only and a sealed secret says which key opens it without revealing anything of it.
 */
export function secretKeyId(key: Buffer): string {
  return createHash("sha256").update("agendacraft secret key id\0").update(key).digest("base64url").slice(0, 12);
}

export function toSecretKey(key: Buffer): SecretKey {
  if (key.length !== SECRET_KEY_BYTES) throw new Error(`a secret key must be ${SECRET_KEY_BYTES} bytes`);
  return { id: secretKeyId(key), key };
}

/** A keyring; previous keys equal to the current one, or to each other, are dropped. */
export function createSecretKeyring({ current, previous = [] }: { current: Buffer; previous?: readonly Buffer[] }) {
  const currentKey = toSecretKey(current);
  const seen = new Set([currentKey.id]);
  const older: SecretKey[] = [];
  for (const key of previous.map(toSecretKey)) {
    if (seen.has(key.id)) continue;
    seen.add(key.id);
    older.push(key);
  }
  return { current: currentKey, previous: older } satisfies SecretKeyring;
}

export function findSecretKey(keyring: SecretKeyring, id: string): SecretKey | undefined {
  return keyring.current.id === id ? keyring.current : keyring.previous.find((key) => key.id === id);
}
