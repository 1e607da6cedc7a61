import { createHash } from "node:crypto";
import ipaddr from "ipaddr.js";

/**
 * The key for counting one client address. An IPv6 client usually holds a whole /64
 * (often far more), so counting per address would let one client rotate through
 * billions of keys: IPv6 addresses are counted per /64. IPv4-mapped IPv6 is IPv4.
 */
export function clientAddressKey(address: string): string {
  if (!ipaddr.isValid(address)) return `other:${address.slice(0, 64)}`;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const prefix = (parsed as ipaddr.IPv6).toNormalizedString().split(":").slice(0, 4).join(":");
  return `${prefix}::/64`;
}

/**
 * The key for counting one email address: case-insensitive, and hashed, so the
 * table holds no addresses and an attacker's megabyte-long "email" is still a short key.
 */
export function emailKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("base64url").slice(0, 32);
}
