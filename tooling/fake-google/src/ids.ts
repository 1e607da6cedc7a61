import { randomBytes, randomInt } from "node:crypto";

/** Google's event ids use base32hex: the digits and the letters a to v. */
const BASE32HEX = "0123456789abcdefghijklmnopqrstuv";

export function newEventId(): string {
  return Array.from(randomBytes(26), (byte) => BASE32HEX[byte % 32]).join("");
}

/** Event ids a client may choose: base32hex, 5 to 1024 characters (events.insert documentation). */
export function isValidEventId(id: string): boolean {
  return /^[0-9a-v]{5,1024}$/.test(id);
}

export function opaqueToken(prefix: string): string {
  return `${prefix}${randomBytes(24).toString("base64url")}`;
}

/** Google account ids (`sub`) are 21-digit decimal strings. */
export function newSubject(): string {
  let digits = String(randomInt(1, 10));
  while (digits.length < 21) digits += String(randomInt(0, 10));
  return digits;
}
