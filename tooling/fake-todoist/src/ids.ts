import { randomBytes } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** API v1 ids are opaque alphanumeric strings (v1 replaced v2's numeric ids), e.g. "6X7rM8997g3RQmvh". */
export function newTodoistId(): string {
  return Array.from(randomBytes(16), (byte) => BASE62[byte % 62]).join("");
}

/** Personal API tokens and OAuth access tokens are 40 hex characters. */
export function newToken(): string {
  return randomBytes(20).toString("hex");
}

export function opaque(prefix: string): string {
  return `${prefix}${randomBytes(18).toString("base64url")}`;
}
