import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";

const IV_BYTES = 12;
const TAG_BYTES = 16;
const INFO = "agendacraft idempotency response v1";

/** What is stored instead of the key: the key itself is the secret that decrypts the response. */
export function hashIdempotencyKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** SHA-256 of a JSON value with object keys sorted, so the same request always hashes alike. */
export function hashRequest(request: unknown): string {
  return createHash("sha256").update(stableStringify(request), "utf8").digest("hex");
}

export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, each: unknown) => {
    if (each === null || typeof each !== "object" || Array.isArray(each)) return each;
    return Object.fromEntries(Object.entries(each).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

function responseKey(key: string, userId: string): Buffer {
  return Buffer.from(hkdfSync("sha256", Buffer.from(key, "utf8"), Buffer.from(userId, "utf8"), INFO, 32));
}

/** AES-256-GCM with a key derived from the Idempotency-Key and the person: iv | tag | ciphertext. */
export function encryptResponse({
  key,
  userId,
  text,
}: {
  key: string;
  userId: string;
  text: string;
}): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", responseKey(key, userId), iv);
  const sealed = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), sealed]));
}

export function decryptResponse({ key, userId, bytes }: { key: string; userId: string; bytes: Uint8Array }): string {
  const data = Buffer.from(bytes);
  const decipher = createDecipheriv("aes-256-gcm", responseKey(key, userId), data.subarray(0, IV_BYTES));
  decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
}
