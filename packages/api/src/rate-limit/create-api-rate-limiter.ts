import type { AuthSession } from "@agendacraft/domain/iam";
import { clientAddressKey, type RateLimitDecision, type RateLimitStore } from "@agendacraft/domain/shared";

export type ApiRateLimits = {
  /** Calls per minute by one signed-in person (browser sessions and API tokens together). */
  perMinute: number;
  /** Calls per minute without a session, per client address (IPv6: per /64). */
  anonymousPerMinute: number;
  /** Password checks and token creations per hour by one person. */
  sensitivePerHour: number;
};

/**
 * Who pays for a tRPC call. A person's sessions and tokens share one budget, so more
 * tokens never mean more calls; callers without a session are counted per address.
 */
export function createApiRateLimiter({ store, limits }: { store: RateLimitStore; limits: ApiRateLimits }) {
  const signedIn = store.limit({ name: "api_user", points: limits.perMinute, windowSeconds: 60 });
  const anonymous = store.limit({ name: "api_ip", points: limits.anonymousPerMinute, windowSeconds: 60 });
  const sensitive = store.limit({ name: "api_sensitive", points: limits.sensitivePerHour, windowSeconds: 3600 });

  return {
    /** Counts one call (every call of a batch is one). */
    call({ session, clientIp }: { session: AuthSession | null; clientIp: string | null }): Promise<RateLimitDecision> {
      return session ? signedIn.consume(session.userId) : anonymous.consume(clientAddressKey(clientIp ?? "unknown"));
    },
    /** Counts one password check or token creation, on top of `call`. */
    sensitiveCall({ session }: { session: AuthSession }): Promise<RateLimitDecision> {
      return sensitive.consume(session.userId);
    },
  };
}

export type ApiRateLimiter = ReturnType<typeof createApiRateLimiter>;
