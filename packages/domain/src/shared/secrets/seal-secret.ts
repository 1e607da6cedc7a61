// node:crypto's AES-256-GCM is all this needs; a library would add a dependency and no safety.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { DomainError } from "../errors.ts";
import { findSecretKey, type SecretKeyring } from "./secret-keyring.ts";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALED = /^v1\.([\w-]+)\.([\w-]+)\.([\w-]+)\.([\w-]*)$/;

/**
 * `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url): AES-256-GCM with the keyring's current
 * key. `purpose` (e.g. "calendar_feeds.url") is authenticated with it, so a value copied
 * into another column does not open there.
 */
export function sealSecret(keyring: SecretKeyring, purpose: string, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyring.current.key, iv);
  cipher.setAAD(Buffer.from(purpose));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64url"));
  return [VERSION, keyring.current.id, ...parts].join(".");
}

/** Whether `value` is in sealSecret's format (anything else is a plaintext value from before encryption). */
export function isSealedSecret(value: string): boolean {
  return SEALED.test(value);
}

/** The id of the key that sealed `value`; undefined when it is not sealed. */
export function sealedSecretKeyId(value: string): string | undefined {
  return SEALED.exec(value)?.[1];
}

/** Opens a value sealed by sealSecret with the current key or a previous one; `secrets.unreadable` otherwise. */
export function openSecret(keyring: SecretKeyring, purpose: string, sealed: string): string {
  const match = SEALED.exec(sealed);
  if (!match) throw unreadableSecret("it is not in the expected format");
  const [, keyId = "", iv = "", tag = "", ciphertext = ""] = match;
  const key = findSecretKey(keyring, keyId);
  if (!key) throw unreadableSecret("it was encrypted with a key that is not configured");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64url"), {
      // A shorter tag would be easier to forge: accept only the full one sealSecret writes.
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch (error) {
    throw unreadableSecret("it does not match its key", error);
  }
}

function unreadableSecret(reason: string, cause?: unknown): DomainError {
  return new DomainError({
    kind: "UNAVAILABLE",
    code: "secrets.unreadable",
    message: `A stored secret cannot be decrypted: ${reason}. Its key must be in SECRETS_KEY or SECRETS_PREVIOUS_KEYS.`,
    cause,
  });
}
