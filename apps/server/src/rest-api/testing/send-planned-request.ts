import { REST_PREFIX } from "@agendacraft/api/rest";
import type { RestResponse } from "../../testing/rest.ts";
import type { RequestPlan } from "./request-plans.ts";
import type { RestIdPool } from "./rest-id-pool.ts";

export type SentRequest = {
  method: string;
  /** The `{id}` the path was given. */
  pathId: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
};

/** A request that takes longer is a hang; slowness is not asserted (no timing assertions). */
const HANG_MS = 30_000;

function pathId(plan: RequestPlan, pool: RestIdPool): string {
  switch (plan.pathId.kind) {
    case "existing":
      return pool.pick(plan.operation.collection, plan.pathId.pick);
    case "unknown":
    case "malformed":
      return plan.pathId.value;
  }
}

/** Existing ids put into `*_id` fields (top level: where the schemas put references). */
function withExistingIds<T>(value: T, pool: RestIdPool, seed: number): T {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item], index) => [
      key,
      key.endsWith("_id") && typeof item === "string" ? (pool.forField(REST_PREFIX, key, seed + index) ?? item) : item,
    ]),
  ) as T;
}

/** The plan with its ids looked up: what goes on the wire. */
export function materialize(plan: RequestPlan, pool: RestIdPool, token: string): SentRequest {
  const id = pathId(plan, pool);
  // Any other path parameter (none today) gets the same kind of value as the id.
  const path = plan.operation.path.replace(/\{\w+\}/g, encodeURIComponent(id));
  const pick = plan.pathId.kind === "existing" ? plan.pathId.pick : 0;
  const search = new URLSearchParams();
  const planned = plan.existingIds ? withExistingIds(plan.query, pool, pick) : plan.query;
  for (const [name, value] of Object.entries(planned)) {
    for (const one of Array.isArray(value) ? value : [value]) search.append(name, one);
  }
  const query = search.toString();
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...plan.headers };
  let body: string | undefined;
  if (plan.body?.kind === "json") {
    const value = plan.existingIds ? withExistingIds(plan.body.value, pool, pick) : plan.body.value;
    body = JSON.stringify(value);
    headers["content-type"] = "application/json";
  } else if (plan.body?.kind === "raw") {
    body = plan.body.text;
    headers["content-type"] = plan.body.contentType;
  }
  return {
    method: plan.operation.method.toUpperCase(),
    pathId: id,
    url: `${path}${query ? `?${query}` : ""}`,
    headers,
    body,
  };
}

/** Sends it; a body that is not JSON is kept as text (the validator then says so). */
export async function send(baseUrl: string, request: SentRequest): Promise<RestResponse> {
  const response = await fetch(`${baseUrl}${request.url}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: AbortSignal.timeout(HANG_MS),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, body };
}
