import { z } from "zod";
import { SECRET_KEY_BYTES } from "./secret-keyring.ts";

const KEY_MESSAGE = `must be ${SECRET_KEY_BYTES} random bytes in base64, e.g. from \`openssl rand -base64 32\``;

function decodeKey(value: string): Buffer | undefined {
  const text = value.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
  const bytes = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  return bytes.length === SECRET_KEY_BYTES ? bytes : undefined;
}

/** SECRETS_KEY: one key in base64 (standard or url-safe); empty counts as unset. */
export const ZSecretKeyVariable = z
  .string()
  .optional()
  .transform((value, context) => {
    if (value === undefined || value.trim() === "") return undefined;
    const key = decodeKey(value);
    if (!key) context.addIssue({ code: "custom", message: KEY_MESSAGE });
    return key;
  });

/** SECRETS_PREVIOUS_KEYS: comma-separated keys, each like SECRETS_KEY; unset or empty is none. */
export const ZSecretKeyListVariable = z
  .string()
  .optional()
  .transform((value, context) => {
    const keys: Buffer[] = [];
    for (const [index, item] of (value ?? "").split(",").entries()) {
      if (item.trim() === "") continue;
      const key = decodeKey(item);
      if (key) keys.push(key);
      else context.addIssue({ code: "custom", message: `item ${index + 1} ${KEY_MESSAGE}` });
    }
    return keys;
  });
