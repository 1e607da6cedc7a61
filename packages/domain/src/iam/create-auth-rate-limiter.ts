import type { PrismaClient } from "@agendacraft/db/client";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { DomainError } from "../shared/errors.ts";

export type AuthRateLimits = {
  /** Attempts one client address may make per window (all emails together). */
  perIp: number;
  /** Attempts on one email address per window (from any address). */
  perEmail: number;
  windowSeconds: number;
};

export const DEFAULT_AUTH_RATE_LIMITS: AuthRateLimits = { perIp: 30, perEmail: 10, windowSeconds: 15 * 60 };

/**
 * Limits sign-in and sign-up attempts per client IP and per email address. Counters
 * live in the database (rate-limiter-flexible's Prisma store), so every server process
 * shares them.
 */
export function createAuthRateLimiter({ prisma, limits }: { prisma: PrismaClient; limits: AuthRateLimits }) {
  const limiter = (keyPrefix: string, points: number) =>
    new RateLimiterPrisma({
      storeClient: prisma,
      tableName: "rateLimitBucket",
      keyPrefix,
      points,
      duration: limits.windowSeconds,
    });
  const byIp = limiter("auth_ip", limits.perIp);
  const byEmail = limiter("auth_email", limits.perEmail);

  return {
    /** Counts one attempt; throws RATE_LIMITED (with retryAfterSeconds) once either limit is spent. */
    async consume({ ip, email }: { ip: string; email?: string }): Promise<void> {
      try {
        await byIp.consume(ip);
        if (email) await byEmail.consume(email.trim().toLowerCase());
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        throw new DomainError({
          kind: "RATE_LIMITED",
          code: "iam.rate_limited",
          message: `Too many attempts. Try again in ${retryAfterSeconds} seconds.`,
          details: { retryAfterSeconds },
        });
      }
    },
  };
}

export type AuthRateLimiter = ReturnType<typeof createAuthRateLimiter>;
