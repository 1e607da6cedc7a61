import { isSealedSecret, openSecret, sealSecret } from "../shared/secrets/seal-secret.ts";
import type { SecretKeyring } from "../shared/secrets/secret-keyring.ts";
import { feedAddressUnreadable } from "./calendars-errors.ts";
import { maskFeedUrl } from "./mask-feed-url.ts";

/** Authenticated with every sealed address, so the value cannot be moved to another secret's column. */
export const FEED_URL_PURPOSE = "calendar_feeds.url";

/** What `calendar_feeds.url` stores: the secret address, sealed with the current key. */
export function sealFeedUrl(secrets: SecretKeyring, url: string): string {
  return sealSecret(secrets, FEED_URL_PURPOSE, url);
}

/**
 * The address a stored value holds. A plaintext one (written before encryption, or by an
 * older server during a rolling upgrade) is read as it is; the next start seals it.
 * Throws `calendars.feed_address_unreadable` when no configured key opens it.
 */
export function openFeedUrl(secrets: SecretKeyring, stored: string): string {
  if (!isSealedSecret(stored)) return stored;
  try {
    return openSecret(secrets, FEED_URL_PURPOSE, stored);
  } catch (error) {
    throw feedAddressUnreadable(error);
  }
}

/** The masked address for lists; "…" when the stored value cannot be opened (the sync says why). */
export function maskStoredFeedUrl(secrets: SecretKeyring, stored: string): string {
  try {
    return maskFeedUrl(openFeedUrl(secrets, stored));
  } catch {
    return "…";
  }
}
