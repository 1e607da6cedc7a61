import type { RateLimitDecision } from "@agendacraft/domain/shared";

export type RateLimitState = Omit<RateLimitDecision, "allowed">;

/**
 * The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers, the widely
 * implemented `RateLimit-Limit/-Remaining/-Reset` form plus `RateLimit-Policy`), and
 * `Retry-After` on a refusal. Reset and Retry-After are in seconds from now.
 */
export function rateLimitHeaders(state: RateLimitState, { refused }: { refused: boolean }): Record<string, string> {
  return {
    "ratelimit-limit": String(state.limit),
    "ratelimit-remaining": String(state.remaining),
    "ratelimit-reset": String(state.resetSeconds),
    "ratelimit-policy": `${state.limit};w=${state.windowSeconds}`,
    ...(refused ? { "retry-after": String(state.resetSeconds) } : {}),
  };
}
