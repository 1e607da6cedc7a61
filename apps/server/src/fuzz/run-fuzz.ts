import http from "node:http";
import fc from "fast-check";
import type { FuzzReport } from "./fuzz-report.ts";
import type { IdPool } from "./id-pool.ts";
import { type Credentials, type HttpRequest, materializeRequest } from "./materialize-request.ts";
import type { RequestPlan } from "./request-plans.ts";
import { type Outcome, sendRequest } from "./send-request.ts";

/** Plans are drawn in chunks, each from a seed derived from the run's, so huge values never pile up in memory. */
const CHUNK = 200;

function* plansFrom(arbitrary: fc.Arbitrary<RequestPlan>, seed: number, runs: number): Generator<RequestPlan> {
  for (let drawn = 0, chunk = 0; drawn < runs; chunk++) {
    const size = Math.min(CHUNK, runs - drawn);
    // Chunk seeds spread apart, so runs with nearby seeds do not share chunks.
    yield* fc.sample(arbitrary, { seed: (seed + chunk * 0x9e3779b9) | 0, numRuns: size });
    drawn += size;
  }
}

type Result = { result?: { data?: { json?: unknown } } };

/** Remembers the ids in successful answers (single calls and batches) for later requests. */
function harvest(plan: RequestPlan, outcome: Outcome, pool: IdPool): void {
  if (outcome.kind !== "response" || (outcome.status !== 200 && outcome.status !== 207)) return;
  if (!outcome.contentType.startsWith("application/json") || plan.kind === "http") return;
  let body: unknown;
  try {
    body = JSON.parse(outcome.text);
  } catch {
    return;
  }
  const calls = plan.kind === "call" ? [plan.call] : plan.calls;
  const results = (Array.isArray(body) ? body : [body]) as Result[];
  results.forEach((item, index) => {
    const call = calls[index];
    const json = item?.result?.data?.json;
    if (call && json !== undefined) pool.harvest(call.procedure.path, json);
  });
}

/**
 * Sends `runs` requests drawn from `arbitrary` with `seed`, `concurrency` at a time, and
 * records every outcome. Requests are built just before sending, from the ids seen so far.
 */
export async function runFuzz({
  baseUrl,
  arbitrary,
  seed,
  runs,
  concurrency,
  timeoutMs,
  pool,
  credentials,
  report,
}: {
  baseUrl: string;
  arbitrary: fc.Arbitrary<RequestPlan>;
  seed: number;
  runs: number;
  concurrency: number;
  timeoutMs: number;
  pool: IdPool;
  credentials: Credentials;
  report: FuzzReport;
}): Promise<void> {
  const url = new URL(baseUrl);
  // Keep-alive, as browsers do: a request after one the server refused must still go through.
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const plans = plansFrom(arbitrary, seed, runs);
  const worker = async () => {
    for (let next = plans.next(); !next.done; next = plans.next()) {
      const plan = next.value;
      const request: HttpRequest = materializeRequest(plan, pool, credentials);
      const started = performance.now();
      const outcome = await sendRequest(url, request, { agent, timeoutMs });
      report.record(request, outcome, performance.now() - started);
      harvest(plan, outcome, pool);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
}
