import fc from "fast-check";
import { type JsonSchema, type OpenApiDocument, resolveRef } from "./documented-operations.ts";

/**
 * Values that satisfy a JSON Schema of the document (the subset zod-openapi writes: types,
 * enums, anyOf, bounds, formats, patterns, $refs to components). Only what the schema says
 * is honoured, so rules it cannot express (an end after a start) still meet the server's
 * own validation: that is part of what the fuzz test exercises.
 */

/** Past this depth only leaves are generated, so recursive schemas stay finite. */
const MAX_DEPTH = 6;
/** Long enough to reach limits like 255 characters in some runs, short enough to keep runs fast. */
const STRING_SPAN = 60;
const UUID_VERSIONS: (4 | 7)[] = [4, 7];

const FROM = Date.parse("1990-01-01T00:00:00Z");
const TO = Date.parse("2040-12-31T23:59:59Z");

/** An RFC 3339 instant with a whole-minute offset (Asia/Kathmandu's +05:45 among them). */
export const rfc3339Instant = fc
  .tuple(fc.integer({ min: FROM, max: TO }), fc.constantFrom(0, 60, -300, 345, 330, -570, 840), fc.boolean())
  .map(([ms, offsetMinutes, millis]) => {
    const local = new Date(ms + offsetMinutes * 60_000).toISOString();
    const text = millis ? local.slice(0, 23) : local.slice(0, 19);
    if (offsetMinutes === 0) return `${text}Z`;
    const sign = offsetMinutes < 0 ? "-" : "+";
    const abs = Math.abs(offsetMinutes);
    return `${text}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  });

export function arbitraryFor(document: OpenApiDocument, schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const resolved = resolveRef(document, schema);
  const options = (resolved.anyOf ?? resolved.oneOf) as JsonSchema[] | undefined;
  if (options) return fc.oneof(...options.map((option) => arbitraryFor(document, option, depth + 1)));
  if ("const" in resolved) return fc.constant(resolved.const);
  if (Array.isArray(resolved.enum)) return fc.constantFrom(...(resolved.enum as unknown[]));
  const type = resolved.type;
  if (Array.isArray(type)) {
    return fc.oneof(...type.map((one) => arbitraryFor(document, { ...resolved, type: one }, depth + 1)));
  }
  switch (type) {
    case "string":
      return stringArbitrary(resolved);
    case "integer":
      return fc.integer(bounds(resolved));
    case "number": {
      const { min, max } = bounds(resolved);
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return arrayArbitrary(document, resolved, depth);
    case "object":
      return objectArbitrary(document, resolved, depth);
    default:
      // No type: any JSON value (zod's unknown).
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Documented bounds, kept to a range a person would send (the output schemas say ±2^53). */
function bounds(schema: JsonSchema): { min: number; max: number } {
  const min = typeof schema.minimum === "number" ? schema.minimum : -1_000_000;
  const max = typeof schema.maximum === "number" ? schema.maximum : 1_000_000;
  return { min: Math.max(min, -1_000_000), max: Math.min(max, 1_000_000) };
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === "uuid") return fc.uuid({ version: UUID_VERSIONS });
  if (schema.format === "date-time") return rfc3339Instant;
  if (schema.format === "email") return fc.emailAddress();
  if (typeof schema.pattern === "string") return fc.stringMatching(new RegExp(schema.pattern, "u"));
  const minLength = typeof schema.minLength === "number" ? schema.minLength : 0;
  const maxLength = Math.min(
    typeof schema.maxLength === "number" ? schema.maxLength : Infinity,
    minLength + STRING_SPAN,
  );
  return fc.oneof(
    // Mostly readable text (what a client sends); now and then any code points.
    { weight: 3, arbitrary: fc.string({ minLength, maxLength }) },
    { weight: 1, arbitrary: fc.string({ minLength, maxLength, unit: "binary" }) },
  );
}

function arrayArbitrary(document: OpenApiDocument, schema: JsonSchema, depth: number): fc.Arbitrary<unknown[]> {
  const items = (schema.items as JsonSchema | undefined) ?? {};
  const minLength = typeof schema.minItems === "number" ? schema.minItems : 0;
  const maxLength = Math.min(typeof schema.maxItems === "number" ? schema.maxItems : Infinity, minLength + 4);
  if (depth >= MAX_DEPTH && minLength === 0) return fc.constant([]);
  return fc.array(arbitraryFor(document, items, depth + 1), { minLength, maxLength });
}

function objectArbitrary(document: OpenApiDocument, schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const properties = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
  const required = (schema.required as string[] | undefined) ?? [];
  const additional = schema.additionalProperties as JsonSchema | boolean | undefined;
  const names = Object.keys(properties);
  if (names.length === 0 && additional && typeof additional === "object") {
    return fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), arbitraryFor(document, additional, depth + 1), {
      maxKeys: depth >= MAX_DEPTH ? 0 : 4,
    });
  }
  const shallow = depth >= MAX_DEPTH;
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const name of names) {
    if (shallow && !required.includes(name)) continue;
    model[name] = arbitraryFor(document, properties[name] as JsonSchema, depth + 1);
  }
  const requiredKeys = required.filter((name) => name in model);
  const minimal = Object.fromEntries(requiredKeys.map((name) => [name, model[name] as fc.Arbitrary<unknown>]));
  // Each optional field is a chance to break a rule the schema cannot state (an unknown
  // project, an end before the start): the required fields alone get through more often.
  return fc.oneof(
    { weight: 1, arbitrary: fc.record(minimal) },
    { weight: 2, arbitrary: fc.record(model, { requiredKeys }) },
  );
}
