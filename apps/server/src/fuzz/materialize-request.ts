import superjson from "superjson";
import { APP_ORIGIN } from "../testing/http.ts";
import type { IdPool } from "./id-pool.ts";
import { type Auth, type Call, type Encoding, type RequestPlan, safeJson } from "./request-plans.ts";

/** Exactly what goes on the wire, printable when it fails. */
export type HttpRequest = {
  /** The procedure(s) or route, for counting and deduplicating failures. */
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | null;
};

/** The fuzzing person's session cookie, and a secret API token whose id no generator can revoke. */
export type Credentials = { cookie: string; token: string };

function authHeaders(auth: Auth, { cookie, token }: Credentials): Record<string, string> {
  switch (auth.kind) {
    case "session":
      return { cookie, origin: APP_ORIGIN };
    case "token":
      return { authorization: `Bearer ${token}` };
    case "session-without-origin":
      return { cookie };
    case "cross-site":
      return { cookie, origin: "https://attacker.example" };
    case "anonymous":
      return { origin: APP_ORIGIN };
    case "bad-cookie":
      return { cookie: `better-auth.session_token=${encodeURIComponent(auth.value)}`, origin: APP_ORIGIN };
    case "bad-bearer":
      return { authorization: `Bearer ${auth.value}`, origin: APP_ORIGIN };
    case "bearer-and-session":
      return { cookie, authorization: `Bearer ${auth.value}`, origin: APP_ORIGIN };
  }
}

/** superjson's envelope, falling back to plain JSON for values it cannot serialize. */
function envelope(input: unknown): unknown {
  try {
    return superjson.serialize(input);
  } catch {
    return { json: JSON.parse(safeJson(input) || "null") };
  }
}

function encodeInput(input: unknown, encoding: Encoding): string {
  switch (encoding.kind) {
    case "superjson":
      return safeJson(envelope(input));
    case "plain":
      return safeJson({ json: input });
    case "bare":
      return safeJson(input);
    case "meta":
      return safeJson({ json: (envelope(input) as { json?: unknown }).json, meta: encoding.meta });
    case "raw":
      return encoding.text;
  }
}

function expectedMethod(call: Call): string {
  return call.procedure.type === "mutation" ? "POST" : "GET";
}

function contentTypeHeader(body: string | null, contentType: string | null | undefined): Record<string, string> {
  const type = contentType === undefined ? "application/json" : contentType;
  return body === null || type === null ? {} : { "content-type": type };
}

export function materializeRequest(plan: RequestPlan, pool: IdPool, credentials: Credentials): HttpRequest {
  const auth = authHeaders(plan.auth, credentials);
  if (plan.kind === "http") {
    return {
      label: plan.label,
      method: plan.method,
      path: plan.path,
      headers: { ...auth, ...(plan.contentType === null ? {} : { "content-type": plan.contentType }), ...plan.headers },
      body: plan.body,
    };
  }

  if (plan.kind === "call") {
    const { procedure } = plan.call;
    const text = encodeInput(pool.resolve(plan.call.input), plan.encoding);
    const method = plan.method ?? expectedMethod(plan.call);
    const inQuery = method === "GET" || method === "HEAD";
    const path = `/trpc/${procedure.path}${inQuery ? `?input=${encodeURIComponent(text)}` : ""}`;
    const body = inQuery && !plan.bodyOnGet ? null : text;
    const headers = { ...auth, ...contentTypeHeader(body, plan.contentType), ...plan.headers };
    return { label: procedure.path, method, path, headers, body };
  }

  const envelopes = plan.calls.map((call) => envelope(pool.resolve(call.input)));
  const indexed: Record<string, unknown> = {};
  envelopes.forEach((value, index) => {
    if (plan.inputShape !== "sparse" || index % 2 === 1) indexed[String(index)] = value;
  });
  if (plan.inputShape === "extra-keys") {
    Object.assign(indexed, { "-1": {}, "999999": { json: 1 }, constructor: { json: null } });
    Object.defineProperty(indexed, "__proto__", { value: { json: 1 }, enumerable: true });
  }
  const text = safeJson(plan.inputShape === "array" ? envelopes : indexed);
  const paths = plan.calls.map((call) => call.procedure.path).join(",");
  const first = plan.calls[0];
  const method = plan.method ?? (first ? expectedMethod(first) : "GET");
  const inQuery = method === "GET" || method === "HEAD";
  const body = inQuery ? null : text;
  return {
    label: plan.calls.length > 10 ? `batch of ${plan.calls.length}` : `batch: ${paths}`,
    method,
    path: `/trpc/${paths}?batch=1${inQuery ? `&input=${encodeURIComponent(text)}` : ""}`,
    headers: {
      ...auth,
      ...contentTypeHeader(body, undefined),
      ...(plan.jsonl ? { "trpc-accept": "application/jsonl" } : {}),
    },
    body,
  };
}
