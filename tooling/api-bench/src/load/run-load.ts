import autocannon from "autocannon";

export type LoadRequest = {
  method: "GET" | "POST";
  url: string;
  token: string;
  body?: string;
};

export type LoadResult = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx answers, socket errors and timeouts: a round with any is reported, its figures are suspect. */
  failures: number;
};

/** Sends `request` over `connections` keep-alive connections for `seconds`, as fast as answers come. */
export async function runLoad(request: LoadRequest, connections: number, seconds: number): Promise<LoadResult> {
  // autocannon's own percentiles are whole milliseconds: too coarse for a sub-millisecond floor
  // at one connection. Its response event carries the exact duration, so keep those instead.
  const latencies: number[] = [];
  const options: autocannon.Options = {
    url: request.url,
    method: request.method,
    connections,
    duration: seconds,
    headers: {
      authorization: `Bearer ${request.token}`,
      ...(request.body ? { "content-type": "application/json" } : {}),
    },
    ...(request.body ? { body: request.body } : {}),
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, finished) => (error ? reject(error) : resolve(finished)));
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  await settle(request);
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] as number;
}

/**
 * autocannon stops sending at the end of a run, but the server still works off the calls it
 * had queued; the next run (maybe the other side's) must not pay for them. One more call
 * of the same kind answers only once that queue is through (first in, first out).
 */
async function settle(request: LoadRequest): Promise<void> {
  const response = await fetch(request.url, {
    method: request.method,
    headers: {
      authorization: `Bearer ${request.token}`,
      ...(request.body ? { "content-type": "application/json" } : {}),
    },
    ...(request.body ? { body: request.body } : {}),
    signal: AbortSignal.timeout(120_000),
  });
  await response.arrayBuffer();
}
