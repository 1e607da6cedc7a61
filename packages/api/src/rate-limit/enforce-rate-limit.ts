import { type RateLimitDecision, rateLimitedError } from "@agendacraft/domain/shared";
import type { ContextReply } from "../context.ts";
import type { ApiRateLimiter } from "./create-api-rate-limiter.ts";
import { rateLimitHeaders } from "./rate-limit-headers.ts";

/** What each reply's headers show so far: the calls of a batch share one reply. */
const shown = new WeakMap<ContextReply, RateLimitDecision>();

/**
 * Counts a call with `consume`, puts the outcome in the reply's RateLimit-* headers and
 * refuses with `common.rate_limited` when the limit is spent. Without a limiter (tests,
 * scripts calling procedures in-process) nothing is counted.
 */
export async function enforceRateLimit(
  ctx: { rateLimiter?: ApiRateLimiter; reply: ContextReply | null },
  consume: (limiter: ApiRateLimiter) => Promise<RateLimitDecision>,
  message: string,
): Promise<void> {
  if (!ctx.rateLimiter) return;
  const decision = await consume(ctx.rateLimiter);
  if (ctx.reply) show(ctx.reply, decision);
  if (!decision.allowed) throw rateLimitedError({ code: "common.rate_limited", message, decision });
}

/** A batch's reply reports its most restrictive call: a refusal, else the fewest calls left. */
function show(reply: ContextReply, decision: RateLimitDecision) {
  const previous = shown.get(reply);
  const moreRestrictive =
    !previous ||
    (previous.allowed && !decision.allowed) ||
    (previous.allowed === decision.allowed && decision.remaining < previous.remaining);
  if (!moreRestrictive) return;
  shown.set(reply, decision);
  for (const [name, value] of Object.entries(rateLimitHeaders(decision, { refused: !decision.allowed }))) {
    reply.header(name, value);
  }
}
