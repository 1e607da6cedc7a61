/**
 * A fetch that gives up after `timeoutMs`, so a server that accepts the connection but never
 * answers makes the script fail instead of hanging. The caller's own signal still applies.
 */
export function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };
}
