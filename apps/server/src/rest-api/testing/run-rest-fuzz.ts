import fc from "fast-check";
import type { RestResponse } from "../../testing/rest.ts";
import type { DocumentedOperation, OpenApiDocument } from "./documented-operations.ts";
import { type RequestPlan, requestPlans } from "./request-plans.ts";
import type { ResponseValidator } from "./response-validator.ts";
import { operationSeed } from "./rest-fuzz-options.ts";
import type { RestFuzzReport } from "./rest-fuzz-report.ts";
import type { RestIdPool } from "./rest-id-pool.ts";
import { materialize, send } from "./send-planned-request.ts";
import { candidateBodies } from "./valid-requests.ts";

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

async function sendAndCheck(run: FuzzRun, plan: RequestPlan): Promise<RestResponse | Error> {
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
  return outcome;
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
  const creates = await workingCreates(run);
  await refill(run, creates, 3);
  for (let turn = 0; turn < perOperation; turn++) {
    await refill(run, creates, 2);
    for (const queue of queues) {
      const plan = queue[turn];
      if (plan) await sendAndCheck(run, plan);
    }
  }
}

/**
 * Creates of collections with `{id}` paths, each with a body it took (its documented
 * example first, else the first generated body that got a 201). A create that takes none
 * is left out, so the run does not spend its requests on it.
 */
async function workingCreates(run: FuzzRun): Promise<Map<DocumentedOperation, unknown>> {
  const working = new Map<DocumentedOperation, unknown>();
  const creates = run.operations.filter(
    (operation) =>
      operation.method === "post" &&
      operation.pathParams.length === 0 &&
      "201" in operation.responses &&
      run.operations.some((other) => other.collection === operation.collection && other.path !== operation.path),
  );
  for (const operation of creates) {
    for (const body of candidateBodies(run.document, operation, run.seed)) {
      const outcome = await sendAndCheck(run, createPlan(operation, body));
      if (!(outcome instanceof Error) && outcome.status === 201) {
        working.set(operation, body);
        break;
      }
    }
  }
  return working;
}

function createPlan(operation: DocumentedOperation, body: unknown): RequestPlan {
  return {
    operation,
    variant: "create",
    pathId: { kind: "existing", pick: 0 },
    query: {},
    headers: {},
    existingIds: false,
    ...(body === undefined ? {} : { body: { kind: "json", value: body } }),
  };
}

/**
 * Keeps a few rows in every collection that has a create (deletes drain them), so that
 * requests on existing ids keep reaching rows rather than turning into 404s.
 */
async function refill(run: FuzzRun, creates: Map<DocumentedOperation, unknown>, atLeast: number): Promise<void> {
  for (const [operation, body] of creates) {
    for (let tries = 0; run.pool.size(operation.collection) < atLeast && tries < atLeast; tries++) {
      await sendAndCheck(run, createPlan(operation, body));
    }
  }
}
