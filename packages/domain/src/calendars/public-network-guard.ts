import { type LookupAddress, lookup } from "node:dns";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import type { Agent } from "undici";

/** The error code a refused address carries, so the caller can explain it. */
export const PRIVATE_ADDRESS_CODE = "EPRIVATEADDRESS";

/**
 * Whether an IP address is on the public internet. Everything else (loopback, private
 * ranges, link-local such as cloud metadata at 169.254.169.254, unique-local IPv6, ...) is
 * refused: a calendar address typed by a user must not reach the server's own network.
 * ipaddr.js classifies the ranges, IPv4-mapped IPv6 included.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

/** The IP in a URL's host when it is written as one ("127.0.0.1", "[::1]"); null for a name. */
export function literalAddress(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return ipaddr.isValid(host) ? host : null;
}

function privateAddressError(): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error("the name points to a private network address");
  error.code = PRIVATE_ADDRESS_CODE;
  return error;
}

/**
 * dns.lookup that refuses a name if any of its addresses is not public. It runs for every
 * connection the agent opens, so a name that changes its answer between a check and the
 * connection (DNS rebinding) is still caught.
 */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) {
      callback(error, "", 4);
      return;
    }
    if (addresses.length === 0 || addresses.some((entry) => !isPublicAddress(entry.address))) {
      callback(privateAddressError(), "", 4);
      return;
    }
    if (options.all) {
      (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      return;
    }
    const [first] = addresses as [LookupAddress];
    callback(null, first.address, first.family);
  });
};

let agent: Promise<Agent> | undefined;

/**
 * An HTTP agent that only connects to public addresses. undici is loaded on the first
 * download, not at the server's start, where importing it cost 0.15-0.3 s.
 */
export function publicOnlyAgent(): Promise<Agent> {
  agent ??= import("undici").then(({ Agent }) => new Agent({ connect: { lookup: publicOnlyLookup } }));
  return agent;
}
