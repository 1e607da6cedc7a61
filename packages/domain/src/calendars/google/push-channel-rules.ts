/** Google keeps a Calendar channel for at most about a week; we ask for that (events.watch `params.ttl`). */
export const CHANNEL_TTL_SECONDS = 7 * 24 * 60 * 60;

/** A channel expiring within this margin is replaced (new one first, then the old one stopped). */
export const CHANNEL_RENEWAL_MARGIN_MS = 24 * 60 * 60 * 1000;
