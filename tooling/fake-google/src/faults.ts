import type { FastifyReply } from "fastify";
import { sendApiError, sendOAuthError } from "./google-errors.ts";

/** A failure the next matching requests answer with, instead of being served. */
export type Fault = {
  /** Which requests: a regular expression tested against the path, or a substring of it. */
  path: RegExp | string;
  method?: string;
  status: number;
  /** Google's `errors[].reason` (API paths) or OAuth `error` (/token, /revoke). Default from the status. */
  reason?: string;
  message?: string;
  /** Sent as Retry-After. */
  retryAfterSeconds?: number;
  /** How many requests fail; default 1. */
  times?: number;
};

const DEFAULT_REASONS: Record<number, { reason: string; message: string; domain?: string }> = {
  403: { reason: "rateLimitExceeded", message: "Rate Limit Exceeded", domain: "usageLimits" },
  429: { reason: "rateLimitExceeded", message: "Rate Limit Exceeded", domain: "usageLimits" },
  500: { reason: "backendError", message: "Backend Error" },
  503: { reason: "backendError", message: "Backend Error" },
};

const QUOTA_REASONS = new Set(["rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded", "dailyLimitExceeded"]);

export class Faults {
  readonly #pending: (Fault & { left: number })[] = [];

  add(fault: Fault): void {
    this.#pending.push({ ...fault, left: fault.times ?? 1 });
  }

  clear(): void {
    this.#pending.length = 0;
  }

  /** Answers the request with the first matching fault; false when none matches. */
  intercept(method: string, path: string, reply: FastifyReply): boolean {
    const fault = this.#pending.find(
      (candidate) =>
        candidate.left > 0 &&
        (!candidate.method || candidate.method.toUpperCase() === method) &&
        (typeof candidate.path === "string" ? path.includes(candidate.path) : candidate.path.test(path)),
    );
    if (!fault) return false;
    fault.left -= 1;
    if (fault.left === 0) this.#pending.splice(this.#pending.indexOf(fault), 1);
    if (fault.retryAfterSeconds !== undefined) reply.header("retry-after", String(fault.retryAfterSeconds));
    const defaults = DEFAULT_REASONS[fault.status] ?? { reason: "backendError", message: "Backend Error" };
    const reason = fault.reason ?? defaults.reason;
    if (path === "/token" || path === "/revoke") {
      void sendOAuthError(reply, fault.status, reason, fault.message ?? defaults.message);
    } else {
      // Google reports rate and usage limits in the "usageLimits" domain.
      const domain =
        QUOTA_REASONS.has(reason) || reason === "usageLimits" ? "usageLimits" : (defaults.domain ?? "global");
      void sendApiError(reply, { status: fault.status, reason, message: fault.message ?? defaults.message, domain });
    }
    return true;
  }
}
