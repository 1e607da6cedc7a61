import fc from "fast-check";
import type { DocumentedOperation, DocumentedParameter, OpenApiDocument } from "./documented-operations.ts";
import { arbitraryFor } from "./json-schema-arbitrary.ts";

/**
 * One request to send, decided ahead of time from the seed. Ids of rows that exist are only
 * known while the run goes on, so a plan names them by position (`pick`) in the pool of
 * ids the server has handed out, and they are looked up when the request is sent.
 */
export type PathId =
  | { kind: "existing"; pick: number }
  | { kind: "unknown"; value: string }
  | { kind: "malformed"; value: string };

export type PlannedBody = { kind: "json"; value: unknown } | { kind: "raw"; text: string; contentType: string };

export type RequestPlan = {
  operation: DocumentedOperation;
  /** What was done to the input: `valid`, `wrong type`, `missing required`, ... */
  variant: string;
  pathId: PathId;
  query: Record<string, string | string[]>;
  body?: PlannedBody;
  headers: Record<string, string>;
  /** Put ids of existing rows into `*_id` fields of the body and query, so references reach real rows too. */
  existingIds: boolean;
};

const MALFORMED_IDS = [
  "not-a-uuid",
  "123",
  "0190a6a4-0000-7000-8000-00000000000",
  "0190a6a4-0000-7000-8000-000000000000x",
  "%00",
  "..%2F..%2Fetc",
  "' OR 1=1 --",
  "0190a6a4000070008000000000000000",
  "x".repeat(2_000),
];

const WRONG_TYPES: unknown[] = [42, -1.5, "text", true, null, [], {}, [1, "two"], { nested: { deep: [] } }];
const HUGE_LENGTHS = [10_000, 100_000, 2_000_000];
const BAD_JSON = ["{not json", "[", '{"summary": "unterminated', "", "null", "\u0000", '{"a":1}{"b":2}'];

const pathIdArbitrary: fc.Arbitrary<PathId> = fc.oneof(
  { weight: 3, arbitrary: fc.nat(1_000).map((pick) => ({ kind: "existing" as const, pick })) },
  { weight: 1, arbitrary: fc.uuid({ version: [4, 7] }).map((value) => ({ kind: "unknown" as const, value })) },
);

function parametersArbitrary(document: OpenApiDocument, parameters: DocumentedParameter[]) {
  const model = Object.fromEntries(
    parameters.map((parameter) => [
      parameter.name,
      arbitraryFor(document, parameter.schema).map((value) =>
        typeof value === "string" ? value : JSON.stringify(value),
      ),
    ]),
  );
  return fc.record(model, {
    requiredKeys: parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
  }) as fc.Arbitrary<Record<string, string>>;
}

/** Header values must be printable ASCII on the wire (fetch refuses others). */
const headerValue = fc.oneof(fc.uuid(), fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 300 }));

function headersArbitrary(parameters: DocumentedParameter[]) {
  const model = Object.fromEntries(parameters.map((parameter) => [parameter.name, headerValue]));
  return fc.record(model, { requiredKeys: [] }) as fc.Arbitrary<Record<string, string>>;
}

/** A request as the document describes it. */
function validPlan(document: OpenApiDocument, operation: DocumentedOperation): fc.Arbitrary<RequestPlan> {
  const body = operation.body
    ? fc.oneof(
        { weight: 4, arbitrary: arbitraryFor(document, operation.body.schema) },
        ...(operation.body.example === undefined
          ? []
          : [{ weight: 1, arbitrary: fc.constant(operation.body.example) }]),
      )
    : fc.constant(undefined);
  return fc
    .record({
      pathId: pathIdArbitrary,
      query: parametersArbitrary(document, operation.query),
      body,
      headers: headersArbitrary(operation.headerParams),
      existingIds: fc.boolean(),
    })
    .map(({ body: value, ...rest }) => ({
      operation,
      variant: "valid",
      ...rest,
      ...(value === undefined ? {} : { body: { kind: "json" as const, value } }),
    }));
}

type Mutation = { variant: string; apply: (plan: RequestPlan) => RequestPlan };

const withBody = (plan: RequestPlan, value: unknown): RequestPlan => ({ ...plan, body: { kind: "json", value } });
const bodyObject = (plan: RequestPlan): Record<string, unknown> | undefined => {
  const value = plan.body?.kind === "json" ? plan.body.value : undefined;
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
};
const nth = <T>(items: T[], pick: number): T | undefined => items[pick % Math.max(items.length, 1)];

/** Ways to spoil a valid request; `pick` chooses the field or value deterministically. */
const mutationArbitrary: fc.Arbitrary<Mutation> = fc.tuple(fc.nat(), fc.nat()).chain(([pick, other]) =>
  fc.constantFrom<Mutation>(
    {
      variant: "wrong type",
      apply: (plan) => {
        const object = bodyObject(plan);
        const key = object && nth(Object.keys(object), pick);
        const wrong = nth(WRONG_TYPES, other);
        return key && object ? withBody(plan, { ...object, [key]: wrong }) : withBody(plan, wrong);
      },
    },
    {
      variant: "missing required",
      apply: (plan) => {
        const schema = plan.operation.body?.schema;
        const object = bodyObject(plan);
        if (!object || !schema) return withBody(plan, {});
        const present = Object.keys(object);
        const key = nth(present, pick);
        // Dropping any key covers required ones across runs; an empty body drops them all.
        return withBody(
          plan,
          other % 3 === 0
            ? {}
            : Object.fromEntries(present.filter((name) => name !== key).map((name) => [name, object[name]])),
        );
      },
    },
    {
      variant: "unknown key",
      apply: (plan) => {
        const object = bodyObject(plan) ?? {};
        const key = nth(["projectId", "userId", "__proto__x", "id", "constructor", "extra"], pick) as string;
        const query = other % 2 === 0 ? { ...plan.query, unexpected_param: "1" } : plan.query;
        return { ...withBody(plan, { ...object, [key]: nth(WRONG_TYPES, other) }), query };
      },
    },
    {
      variant: "malformed id",
      apply: (plan) => {
        const value = nth(MALFORMED_IDS, pick) as string;
        const object = bodyObject(plan);
        const idKey = object && Object.keys(object).find((key) => key.endsWith("_id"));
        if (other % 2 === 0 || !idKey || !object) return { ...plan, pathId: { kind: "malformed", value } };
        return withBody(plan, { ...object, [idKey]: value });
      },
    },
    {
      variant: "huge string",
      apply: (plan) => {
        const huge = "x".repeat(nth(HUGE_LENGTHS, pick) as number);
        const object = bodyObject(plan);
        const stringKey =
          object &&
          nth(
            Object.keys(object).filter((key) => typeof object[key] === "string"),
            other,
          );
        if (stringKey && object) return withBody(plan, { ...object, [stringKey]: huge });
        const queryKey = nth(Object.keys(plan.query), other);
        // Node refuses a request line past 16 KiB (431) before the API sees it: stay under that.
        if (queryKey) return { ...plan, query: { ...plan.query, [queryKey]: huge.slice(0, 10_000) } };
        return withBody(plan, { huge });
      },
    },
    {
      variant: "bad json",
      apply: (plan) => ({
        ...plan,
        body: {
          kind: "raw",
          text: nth(BAD_JSON, pick) as string,
          contentType: nth(["application/json", "text/plain", "application/x-www-form-urlencoded"], other) as string,
        },
      }),
    },
    {
      variant: "bad query",
      apply: (plan) => {
        const key = nth(Object.keys(plan.query), pick) ?? "limit";
        const value = plan.query[key];
        const spoiled = nth<string | string[]>(
          ["", "0", "-1", "9999", "true,false", "null", "[object Object]", [String(value), String(value)]],
          other,
        );
        return { ...plan, query: { ...plan.query, [key]: spoiled as string | string[] } };
      },
    },
  ),
);

/**
 * Requests for one operation: mostly valid ones (so rows are created, changed and deleted),
 * the rest spoiled in one way each. GET requests carry no body (fetch cannot send one).
 */
export function requestPlans(document: OpenApiDocument, operation: DocumentedOperation): fc.Arbitrary<RequestPlan> {
  const valid = validPlan(document, operation);
  const invalid = fc
    .tuple(valid, mutationArbitrary)
    .map(([plan, mutation]) => ({ ...mutation.apply(plan), variant: mutation.variant }));
  return fc
    .oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: invalid })
    .map((plan) => (operation.method === "get" ? { ...plan, body: undefined } : plan));
}
