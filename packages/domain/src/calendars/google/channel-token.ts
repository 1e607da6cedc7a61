import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The secret Google echoes in X-Goog-Channel-Token. Only its SHA-256 is stored: a leaked
 * database gives nobody a token that our notification route accepts.
 */
export function newChannelToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashChannelToken(token) };
}

export function hashChannelToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Constant time over the (fixed-length) hashes, so a forged token learns nothing from timing. */
export function channelTokenMatches(received: string, storedHash: string): boolean {
  const expected = Buffer.from(storedHash, "hex");
  const actual = Buffer.from(hashChannelToken(received), "hex");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
