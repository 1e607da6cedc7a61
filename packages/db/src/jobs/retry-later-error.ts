/**
 * Thrown by a handler whose remote service asked it to wait (HTTP 429 or a quota error with
 * Retry-After): the job fails like any other (its queue's retry count and backoff with jitter
 * apply), and its retry is not due before `retryAfterSeconds` from now.
 */
export class RetryLaterError extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "RetryLaterError";
  }
}

/** The wait a failure asked for, in whole seconds; undefined when it asked for none. */
export function retryAfterSecondsOf(error: unknown): number | undefined {
  if (!(error instanceof RetryLaterError)) return undefined;
  const seconds = Math.ceil(error.retryAfterSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}
