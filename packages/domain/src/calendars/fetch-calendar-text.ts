import type { Response } from "undici";
import { feedInvalid, feedUnreachable } from "./calendars-errors.ts";
import { isPublicAddress, literalAddress, PRIVATE_ADDRESS_CODE, publicOnlyAgent } from "./public-network-guard.ts";

export const FETCH_TIMEOUT_MS = 10_000;
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 5;
const PRIVATE_ADDRESS_REASON = "it points to a private network address, which AgendaCraft does not download from";

/** Network failures by their code, in words a person understands; the address itself never appears. */
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: "the server refused the connection",
  ECONNRESET: "the connection was interrupted",
  ENOTFOUND: "the server's name is unknown",
  EAI_AGAIN: "the server's name could not be looked up",
  ETIMEDOUT: "the server did not answer in time",
  EHOSTUNREACH: "the server cannot be reached",
  CERT_HAS_EXPIRED: "the server's certificate has expired",
  [PRIVATE_ADDRESS_CODE]: PRIVATE_ADDRESS_REASON,
};

function networkReason(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `no answer within ${FETCH_TIMEOUT_MS / 1000} seconds`;
  }
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return (typeof code === "string" && NETWORK_REASONS[code]) || "the server cannot be reached";
}

export type CalendarFetchOptions = {
  signal?: AbortSignal;
  /**
   * Also download from loopback and private networks. Off in production (a typed address
   * must not reach the server's own network); on for tests, whose calendars are served locally.
   */
  allowPrivateNetworks?: boolean;
};

/**
 * Downloads a calendar's iCalendar text: at most MAX_FEED_BYTES, within FETCH_TIMEOUT_MS,
 * following at most MAX_REDIRECTS redirects, each checked like the first address.
 * Throws `calendars.feed_unreachable` or `calendars.feed_invalid`, with
 * messages that never include the address (it is a secret).
 */
export async function fetchCalendarText(
  url: string,
  { signal, allowPrivateNetworks = false }: CalendarFetchOptions = {},
): Promise<string> {
  // Loaded here rather than at the server's start (see publicOnlyAgent).
  const { fetch } = await import("undici");
  const dispatcher = allowPrivateNetworks ? undefined : await publicOnlyAgent();
  const timeout = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  const abort = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response: Response;
  let current = new URL(url);
  for (let hop = 0; ; hop++) {
    const address = literalAddress(current);
    if (!allowPrivateNetworks && address && !isPublicAddress(address)) throw feedUnreachable(PRIVATE_ADDRESS_REASON);
    try {
      // Redirects by hand: each new address must pass the same check.
      response = await fetch(current, {
        signal: abort,
        redirect: "manual",
        headers: { accept: "text/calendar, */*;q=0.5" },
        ...(dispatcher ? { dispatcher } : {}),
      });
    } catch (error) {
      throw feedUnreachable(networkReason(error), error);
    }
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || !location) break;
    await response.body?.cancel();
    if (hop >= MAX_REDIRECTS) throw feedUnreachable(`it redirects more than ${MAX_REDIRECTS} times`);
    current = new URL(location, current);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw feedUnreachable(
      `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`,
    );
  }
  const declared = Number(response.headers.get("content-length"));
  if (declared > MAX_FEED_BYTES) {
    await response.body?.cancel();
    throw feedInvalid(`it is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB`);
  }
  try {
    return await readCapped(response, MAX_FEED_BYTES);
  } catch (error) {
    if (error instanceof FeedTooLarge) throw feedInvalid(`it is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB`);
    throw feedUnreachable(networkReason(error), error);
  }
}

class FeedTooLarge extends Error {}

/** Reads the body, giving up as soon as it passes `maxBytes` (Content-Length may be missing or wrong). */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new FeedTooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
