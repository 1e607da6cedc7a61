/**
 * Lets the event loop serve other requests (and /health) before a request carries on
 * with more CPU work: a long computation is cut into turns instead of holding the
 * process for its whole length.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
