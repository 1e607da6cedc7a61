import type { PrismaClient } from "@agendacraft/db/client";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { createPrismaStoreClient } from "./prisma-store-client.ts";

/** Where a key stands after one hit; what the RateLimit-* headers say. */
export type RateLimitDecision = {
  allowed: boolean;
  /** Hits allowed per window. */
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the count starts again (at least 1). */
  resetSeconds: number;
  windowSeconds: number;
};

export type RateLimit = {
  /** Counts `points` hits on `key` (one upsert) and says whether they fit the limit. */
  consume(key: string, points?: number): Promise<RateLimitDecision>;
  /** Forgets `key`'s count (a successful sign-in clears its failures). */
  reset(key: string): Promise<void>;
};

export type RateLimitStore = {
  limit(options: { name: string; points: number; windowSeconds: number }): RateLimit;
};

const TABLE = "rate_limit_buckets";
const UNAVAILABLE_LOG_INTERVAL_MS = 60_000;

/**
 * Fixed-window counters in the app's database (rate_limit_buckets, one
 * `INSERT ... ON CONFLICT` per hit), shared by every server process and kept across
 * restarts. When the database does not answer within `timeoutMs`, each limit falls back
 * to an in-memory limiter of the same size in this process (rate-limiter-flexible's
 * `insuranceLimiter`), so an outage neither lifts the limits nor fails the request.
 */
export function createRateLimitStore({
  db,
  timeoutMs = 500,
  onUnavailable = () => undefined,
}: {
  db: Pick<PrismaClient, "$queryRawUnsafe">;
  timeoutMs?: number;
  /** Told when the database could not count a hit; at most once a minute, to keep an outage's log readable. */
  onUnavailable?: (error: unknown) => void;
}): RateLimitStore {
  let lastReportedAt = Number.NEGATIVE_INFINITY;
  const storeClient = createPrismaStoreClient({
    db,
    timeoutMs,
    onFailure(error) {
      const now = Date.now();
      if (now - lastReportedAt < UNAVAILABLE_LOG_INTERVAL_MS) return;
      lastReportedAt = now;
      onUnavailable(error);
    },
  });

  return {
    limit({ name, points, windowSeconds }) {
      const insurance = new RateLimiterMemory({ keyPrefix: name, points, duration: windowSeconds });
      const limiter = new RateLimiterPostgres({
        storeClient,
        storeType: "prisma",
        tableName: TABLE,
        tableCreated: true,
        keyPrefix: name,
        points,
        duration: windowSeconds,
        // A key over its limit is refused from memory until its window ends: a flood
        // costs this process no database round trips.
        inMemoryBlockOnConsumed: points + 1,
        insuranceLimiter: insurance,
      });
      const decide = (result: RateLimiterRes, allowed: boolean): RateLimitDecision => ({
        allowed,
        limit: points,
        remaining: allowed ? result.remainingPoints : 0,
        resetSeconds: result.msBeforeNext > 0 ? Math.max(1, Math.ceil(result.msBeforeNext / 1000)) : windowSeconds,
        windowSeconds,
      });
      return {
        async consume(key, hits = 1) {
          try {
            return decide(await limiter.consume(key, hits), true);
          } catch (error) {
            if (error instanceof RateLimiterRes) return decide(error, false);
            throw error;
          }
        },
        async reset(key) {
          // Both: hits counted in memory during an outage must not outlive a reset either.
          await limiter.delete(key);
          await insurance.delete(key);
        },
      };
    },
  };
}
