/** Latency bookkeeping for the limits benchmark: samples, percentiles, and a /health prober. */

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/**
 * Asks GET /health again and again (one at a time, ~20 ms apart) while `during` runs and
 * returns each answer's latency: how long the server kept a cheap request waiting.
 */
export async function probeHealthDuring<T>(baseUrl: string, during: () => Promise<T>) {
  const latencies: number[] = [];
  let running = true;
  const prober = (async () => {
    while (running) {
      const started = performance.now();
      await (await fetch(`${baseUrl}/health`)).arrayBuffer();
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    return { result: await during(), healthMs: latencies };
  } finally {
    running = false;
    await prober;
  }
}
