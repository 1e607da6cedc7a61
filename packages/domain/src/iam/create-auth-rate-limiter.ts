import type { RateLimitStore } from "../shared/rate-limit/create-rate-limit-store.ts";
import { clientAddressKey, emailKey } from "../shared/rate-limit/rate-limit-keys.ts";
import { rateLimitedError } from "../shared/rate-limit/rate-limited-error.ts";

export type AuthRateLimits = {
  /** Attempts one client address may make per window (all emails together). */
  perIp: number;
  /** Attempts on one email from one client address per window; a successful sign-in clears it. */
  perEmailAndIp: number;
  /** Attempts on one email from all addresses together per window: only a distributed attack reaches it. */
  perEmail: number;
  windowSeconds: number;
};

export const DEFAULT_AUTH_RATE_LIMITS: AuthRateLimits = {
  perIp: 30,
  perEmailAndIp: 10,
  perEmail: 100,
  windowSeconds: 15 * 60,
};

/**
 * Limits sign-in and sign-up attempts as OWASP's authentication guidance advises,
 * without handing attackers a way to lock the owner out: guessing is throttled per
 * (email, client address) pair and per address, so someone guessing from one place
 * does not stop the owner signing in from another; a far higher per-email limit stops
 * guessing spread over many addresses. A refusal is the same whether or not the email
 * has an account. Counters live in the database, shared by every server process.
 */
export function createAuthRateLimiter({ store, limits }: { store: RateLimitStore; limits: AuthRateLimits }) {
  const { windowSeconds } = limits;
  const byIp = store.limit({ name: "auth_ip", points: limits.perIp, windowSeconds });
  const byEmailAndIp = store.limit({ name: "auth_email_ip", points: limits.perEmailAndIp, windowSeconds });
  const byEmail = store.limit({ name: "auth_email", points: limits.perEmail, windowSeconds });
  const pairKey = (ip: string, email: string) => `${emailKey(email)}:${clientAddressKey(ip)}`;

  return {
    /**
     * Counts one attempt; throws RATE_LIMITED (details: retryAfterSeconds, limit, ...)
     * once a limit is spent. The checks run narrowest first and stop at the first
     * refusal, so attempts refused for their address never use up the email's budget.
     */
    async consume({ ip, email }: { ip: string; email?: string }): Promise<void> {
      const decisions = [await byIp.consume(clientAddressKey(ip))];
      if (email !== undefined && decisions.every((decision) => decision.allowed)) {
        decisions.push(await byEmailAndIp.consume(pairKey(ip, email)));
        if (decisions.every((decision) => decision.allowed)) decisions.push(await byEmail.consume(emailKey(email)));
      }
      const refused = decisions.find((decision) => !decision.allowed);
      if (refused)
        throw rateLimitedError({ code: "iam.rate_limited", message: "Too many attempts.", decision: refused });
    },

    /** After a successful sign-in: that address's failed attempts on that email no longer count. */
    async succeeded({ ip, email }: { ip: string; email: string }): Promise<void> {
      await byEmailAndIp.reset(pairKey(ip, email));
    },
  };
}

export type AuthRateLimiter = ReturnType<typeof createAuthRateLimiter>;
