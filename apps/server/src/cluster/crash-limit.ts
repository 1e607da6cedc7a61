/**
 * Counts worker crashes in a sliding window, so a worker that dies at every start is not
 * restarted for ever: `allow()` records a crash and says whether a restart is still reasonable.
 */
export function createCrashLimit({
  max,
  windowMs,
  now = Date.now,
}: {
  max: number;
  windowMs: number;
  now?: () => number;
}) {
  const crashes: number[] = [];
  return {
    allow(): boolean {
      const at = now();
      crashes.push(at);
      while (crashes.length > 0 && (crashes[0] as number) <= at - windowMs) crashes.shift();
      return crashes.length <= max;
    },
  };
}
