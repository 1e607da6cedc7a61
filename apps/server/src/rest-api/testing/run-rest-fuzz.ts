import fc from "fast-check";
import type { RestResponse } from "../../testing/rest.ts";
import type { DocumentedOperation, OpenApiDocument } from "./documented-operations.ts";
import { type RequestPlan, requestPlans } from "./request-plans.ts";
import type { ResponseValidator } from "./response-validator.ts";
import { operationSeed } from "./rest-fuzz-options.ts";
import type { RestFuzzReport } from "./rest-fuzz-report.ts";
import type { RestIdPool } from "./rest-id-pool.ts";
import { materialize, send } from "./send-planned-request.ts";

type FuzzRun = {
  baseUrl: string;
  token: string;
  document: OpenApiDocument;
  operations: DocumentedOperation[];
  seed: number;
  runs: number;
  pool: RestIdPool;
  validator: ResponseValidator;
  report: RestFuzzReport;
};

/** Creates, and lists that return rows, feed the pool (deletes drain it): later requests then reach those rows. */
function harvestIds(operation: DocumentedOperation, id: string, response: RestResponse, pool: RestIdPool): void {
  if (operation.method === "delete" && response.status === 204) pool.remove(operation.collection, id);
  const idOf = (value: unknown) => (value && typeof value === "object" ? (value as { id?: unknown }).id : undefined);
  const items = response.status === 201 ? [response.body] : Array.isArray(response.body) ? response.body : [];
  for (const item of items) {
    const id = idOf(item);
    if (typeof id === "string") pool.add(operation.collection, id);
  }
}

async function sendAndCheck(run: FuzzRun, plan: RequestPlan): Promise<void> {
  const request = materialize(plan, run.pool, run.token);
  let outcome: RestResponse | Error;
  try {
    outcome = await send(run.baseUrl, request);
  } catch (error) {
    outcome = error instanceof Error ? error : new Error(String(error));
  }
  const problems = outcome instanceof Error ? [] : run.validator.problems(plan.operation, outcome);
  run.report.record(plan.operation, plan.variant, request, outcome, problems);
  if (!(outcome instanceof Error)) harvestIds(plan.operation, request.pathId, outcome, run.pool);
}

/**
 * Each operation's share of the runs, generated from the seed up front and sent one at a
 * time (so a seed replays the same way), operations taking turns so that rows created
 * early are read, changed and deleted later.
 */
export async function runRestFuzz(run: FuzzRun): Promise<void> {
  const perOperation = Math.max(1, Math.ceil(run.runs / run.operations.length));
  const queues = run.operations.map((operation) =>
    fc.sample(requestPlans(run.document, operation), {
      seed: operationSeed(run.seed, operation.operationId),
      numRuns: perOperation,
    }),
  );
  await refill(run, 3);
  for (let turn = 0; turn < perOperation; turn++) {
    await refill(run, 2);
    for (const queue of queues) {
      const plan = queue[turn];
      if (plan) await sendAndCheck(run, plan);
    }
  }
}

const createsOf = (operations: DocumentedOperation[]) =>
  operations.filter((operation) => operation.method === "post" && operation.pathParams.length === 0);

/** A create as its documented example shows it (no example: an empty body). */
function examplePlan(operation: DocumentedOperation): RequestPlan {
  return {
    operation,
    variant: "example",
    pathId: { kind: "existing", pick: 0 },
    query: {},
    headers: {},
    existingIds: false,
    ...(operation.body?.example === undefined ? {} : { body: { kind: "json", value: operation.body.example } }),
  };
}

/**
 * Keeps a few rows in every collection that has a create (deletes drain them), so that
 * requests on existing ids keep reaching rows rather than turning into 404s.
 */
async function refill(run: FuzzRun, atLeast: number): Promise<void> {
  for (const operation of createsOf(run.operations)) {
    for (let tries = 0; run.pool.size(operation.collection) < atLeast && tries < atLeast; tries++) {
      await sendAndCheck(run, examplePlan(operation));
    }
  }
}
