/**
 * What a failed Google call means for us, read from the error google-auth-library's HTTP
 * layer (gaxios) throws: the status, Google's first `errors[].reason`, and Retry-After.
 */
export type GoogleFailure = {
  status: number | undefined;
  /** `rateLimitExceeded`, `userRateLimitExceeded`, `quotaExceeded`, `fullSyncRequired`, `invalid_grant`, ... */
  reason: string | undefined;
  /** Seconds Google asked us to wait (Retry-After), when it said. */
  retryAfterSeconds: number | undefined;
  message: string;
};

type GaxiosLike = {
  status?: number;
  message?: string;
  response?: { status?: number; headers?: unknown; data?: unknown };
};

function header(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, unknown>)[name] ?? (headers as Record<string, unknown>)[name.toLowerCase()];
  return typeof value === "string" ? value : undefined;
}

function reasonOf(data: unknown): string | undefined {
  if (!data || typeof data !== "object") return undefined;
  const body = data as { error?: unknown; errors?: unknown };
  // OAuth endpoints answer `{ error: "invalid_grant", error_description }`.
  if (typeof body.error === "string") return body.error;
  // API endpoints answer `{ error: { code, message, errors: [{ reason }] } }`.
  const errors = (body.error as { errors?: { reason?: string }[] } | undefined)?.errors;
  return errors?.[0]?.reason;
}

export function readGoogleFailure(error: unknown): GoogleFailure {
  const gaxios = (error ?? {}) as GaxiosLike;
  const status = gaxios.response?.status ?? gaxios.status;
  const retryAfter = Number(header(gaxios.response?.headers, "retry-after"));
  return {
    status,
    reason: reasonOf(gaxios.response?.data),
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined,
    message: error instanceof Error ? error.message : String(error),
  };
}

const QUOTA_REASONS = new Set(["rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded", "usageLimits"]);

/** 429, or a 403 whose reason is a rate or usage limit: try again later, not a lost permission. */
export function isQuotaFailure(failure: GoogleFailure): boolean {
  if (failure.status === 429) return true;
  return failure.status === 403 && failure.reason !== undefined && QUOTA_REASONS.has(failure.reason);
}
