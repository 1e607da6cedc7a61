import fc from "fast-check";
import { hostileValue } from "./hostile-values.ts";
import { applyMutation, mutation } from "./mutate-input.ts";
import { FAILING_INPUTS, type FuzzProcedure } from "./procedures.ts";
import {
  extraHeaders,
  garbageToken,
  hostileContentType,
  hostileMeta,
  otherPath,
  rawInputText,
  strangeProcedurePath,
  strangeQuery,
  wrongMethod,
} from "./transport-shapes.ts";
import type { FieldHint } from "./zod-arbitrary.ts";
import { zodArbitrary } from "./zod-arbitrary.ts";

/**
 * What to send, as plain data (generated ahead by fast-check from a seed; ids are Refs
 * until the request is built). `materializeRequest` turns a plan into bytes.
 */
export type Auth =
  | { kind: "session" }
  /** The person's own API token, as scripts sign in. */
  | { kind: "token" }
  | { kind: "session-without-origin" }
  | { kind: "cross-site" }
  | { kind: "anonymous" }
  | { kind: "bad-cookie"; value: string }
  | { kind: "bad-bearer"; value: string }
  | { kind: "bearer-and-session"; value: string };

export type Encoding =
  | { kind: "superjson" }
  /** `{ json }` without superjson's meta: dates arrive as strings, undefined vanishes. */
  | { kind: "plain" }
  /** The input without the `{ json }` envelope. */
  | { kind: "bare" }
  | { kind: "meta"; meta: unknown }
  | { kind: "raw"; text: string };

export type Call = { procedure: FuzzProcedure; input: unknown };

export type RequestPlan =
  | {
      kind: "call";
      call: Call;
      encoding: Encoding;
      /** null: the method tRPC expects for the procedure's type. */
      method: string | null;
      /** undefined: application/json where a body goes; null: no content-type header. */
      contentType: string | null | undefined;
      auth: Auth;
      headers: Record<string, string>;
      bodyOnGet: boolean;
    }
  | {
      kind: "batch";
      calls: Call[];
      inputShape: "object" | "array" | "sparse" | "extra-keys";
      method: string | null;
      auth: Auth;
      jsonl: boolean;
    }
  | {
      kind: "http";
      label: string;
      method: string;
      path: string;
      contentType: string | null;
      body: string | null;
      auth: Auth;
      headers: Record<string, string>;
    };

const auth: fc.Arbitrary<Auth> = fc.oneof(
  { weight: 52, arbitrary: fc.constant({ kind: "session" as const }) },
  { weight: 8, arbitrary: fc.constant({ kind: "token" as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: "session-without-origin" as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: "cross-site" as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: "anonymous" as const }) },
  { weight: 1, arbitrary: garbageToken.map((value) => ({ kind: "bad-cookie" as const, value })) },
  { weight: 1, arbitrary: garbageToken.map((value) => ({ kind: "bad-bearer" as const, value })) },
  { weight: 1, arbitrary: garbageToken.map((value) => ({ kind: "bearer-and-session" as const, value })) },
);

const encoding: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 85, arbitrary: fc.constant({ kind: "superjson" as const }) },
  { weight: 4, arbitrary: fc.constant({ kind: "plain" as const }) },
  { weight: 3, arbitrary: fc.constant({ kind: "bare" as const }) },
  { weight: 5, arbitrary: hostileMeta.map((meta) => ({ kind: "meta" as const, meta })) },
  { weight: 3, arbitrary: rawInputText.map((text) => ({ kind: "raw" as const, text })) },
);

const sometimes = <T>(arbitrary: fc.Arbitrary<T>, percent: number, otherwise: T) =>
  fc.oneof({ weight: percent, arbitrary }, { weight: 100 - percent, arbitrary: fc.constant(otherwise) });

/** Procedures that check a password: each call costs a deliberately slow hash, whatever the input. */
const PASSWORD_CHECKS = new Set(["iam.changePassword", "iam.deleteAccount"]);

/**
 * Creating procedures are drawn more often, so later calls find rows to read, change and
 * delete; password checks less often, so slow hashing does not eat the run's time.
 */
function weightOf(procedure: FuzzProcedure): number {
  if (PASSWORD_CHECKS.has(procedure.path)) return 1;
  return /\.(create|add|commit)$/.test(procedure.path) ? 6 : 2;
}

export function requestPlans({
  procedures,
  hintsFor,
}: {
  procedures: FuzzProcedure[];
  hintsFor: (procedure: string) => FieldHint;
}): fc.Arbitrary<RequestPlan> {
  const inputFor = (procedure: FuzzProcedure): fc.Arbitrary<unknown> => {
    if (procedure.failingOnly) {
      const failing = FAILING_INPUTS[procedure.path];
      if (!failing) throw new Error(`${procedure.path} is fuzzed with failing inputs only, but none are listed`);
      return fc.constantFrom(...failing);
    }
    const valid = procedure.input ? zodArbitrary(procedure.input, hintsFor(procedure.path)) : hostileValue;
    return fc.oneof(
      { weight: 5, arbitrary: valid },
      { weight: 4, arbitrary: fc.tuple(valid, mutation).map(([input, change]) => applyMutation(input, change)) },
    );
  };
  const callsOf = (list: FuzzProcedure[]) =>
    fc.oneof(
      ...list.map((procedure) => ({
        weight: weightOf(procedure),
        arbitrary: inputFor(procedure).map((input): Call => ({ procedure, input })),
      })),
    );
  const anyCall = callsOf(procedures);
  const queries = callsOf(procedures.filter((procedure) => procedure.type === "query"));
  const mutations = callsOf(procedures.filter((procedure) => procedure.type === "mutation"));

  const single = fc
    .record({
      call: anyCall,
      encoding,
      method: sometimes(wrongMethod, 6, null),
      contentType: sometimes(hostileContentType, 6, undefined),
      auth,
      headers: sometimes(extraHeaders, 6, {}),
      bodyOnGet: sometimes(fc.constant(true), 2, false),
    })
    .map((plan): RequestPlan => {
      // Transport tricks can turn an input into `undefined`, and a Last-Event-ID header can
      // complete one (tRPC merges it into a subscription's input): neither for these procedures.
      if (plan.call.procedure.failingOnly) {
        return { kind: "call", ...plan, encoding: { kind: "superjson" }, headers: {} };
      }
      return { kind: "call", ...plan };
    });

  const batchOf = (calls: fc.Arbitrary<Call[]>) =>
    fc
      .record({
        calls,
        inputShape: sometimes(
          fc.constantFrom("array" as const, "sparse" as const, "extra-keys" as const),
          10,
          "object",
        ),
        method: sometimes(wrongMethod, 5, null),
        auth,
        jsonl: sometimes(fc.constant(true), 25, false),
      })
      .map((plan): RequestPlan => {
        const safe = plan.calls.some((call) => call.procedure.failingOnly) ? "object" : plan.inputShape;
        return { kind: "batch", ...plan, inputShape: safe };
      });
  const batch = fc.oneof(
    { weight: 4, arbitrary: batchOf(fc.array(queries, { minLength: 1, maxLength: 10 })) },
    { weight: 4, arbitrary: batchOf(fc.array(mutations, { minLength: 1, maxLength: 10 })) },
    { weight: 1, arbitrary: batchOf(fc.array(anyCall, { minLength: 2, maxLength: 6 })) },
    // Far past any sensible batch size.
    { weight: 1, arbitrary: batchOf(fc.array(queries, { minLength: 11, maxLength: 40 })) },
  );

  const anonymous = { kind: "anonymous" as const };
  // Odd query strings can leave the input out altogether: not for the procedures that must fail.
  const unguarded = procedures.filter((procedure) => !procedure.failingOnly);
  const http = fc.oneof(
    fc
      .record({ path: strangeProcedurePath, method: fc.constantFrom("GET", "POST"), body: rawInputText })
      .map(({ path, method, body }) =>
        httpPlan("unknown procedure", method, `/trpc/${path}`, method === "POST" ? body : null),
      ),
    fc
      .record({ procedure: fc.constantFrom(...unguarded), query: strangeQuery })
      .map(({ procedure, query }) => httpPlan(procedure.path, "GET", `/trpc/${procedure.path}?${query}`, null)),
    fc
      .record({ length: fc.integer({ min: 10_000, max: 100_000 }), procedure: fc.constantFrom(...unguarded) })
      .map(({ length, procedure }) =>
        httpPlan(`${procedure.path} (huge URL)`, "GET", `/trpc/${procedure.path}?input=${"a".repeat(length)}`, null),
      ),
    fc
      .record({ path: otherPath, method: fc.constantFrom("GET", "HEAD", "POST", "DELETE") })
      .map(({ path, method }) => ({
        ...httpPlan(path, method, path, method === "POST" ? "{}" : null),
        auth: anonymous,
      })),
    authRoute,
  );

  return fc.oneof({ weight: 84, arbitrary: single }, { weight: 7, arbitrary: batch }, { weight: 9, arbitrary: http });
}

function httpPlan(label: string, method: string, path: string, body: string | null): RequestPlan {
  return {
    kind: "http",
    label,
    method,
    path,
    contentType: body === null ? null : "application/json",
    body,
    auth: { kind: "session" },
    headers: {},
  };
}

/**
 * The auth library's routes, always signed out: the fuzzer's own cookie must never reach
 * /api/auth/sign-out and friends.
 */
const authField = fc.oneof(fc.string({ maxLength: 30 }), hostileValue);
const authRoute: fc.Arbitrary<RequestPlan> = fc
  .record({
    route: fc.constantFrom("/api/auth/sign-in/email", "/api/auth/sign-up/email"),
    body: fc.oneof(
      fc
        .record({ name: authField, email: fc.oneof(fc.emailAddress(), authField), password: authField })
        .map((value) => safeJson(value)),
      rawInputText,
    ),
    contentType: sometimes(hostileContentType, 10, "application/json"),
  })
  .map(({ route, body, contentType }) => ({
    kind: "http",
    label: route,
    method: "POST",
    path: route,
    contentType,
    body,
    auth: { kind: "anonymous" },
    headers: {},
  }));

/** JSON text for any value: BigInts as strings, and a placeholder for what JSON cannot hold. */
export function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, item) => (typeof item === "bigint" ? item.toString() : item)) ?? "";
  } catch {
    return '"unencodable"';
  }
}
