import { z } from "zod";
import { toCamelCase, toSnakeCase } from "./case.ts";

/**
 * The REST API's JSON shape, derived from the domain's own zod schemas instead of written
 * a second time: keys in snake_case (`project_id`), instants as RFC 3339 strings with an
 * offset. Leaf schemas (strings, numbers, enums) are the domain's own instances, so their
 * limits and messages carry over to the OpenAPI document and to validation unchanged.
 * Only containers are rebuilt; refinements across fields stay with the procedure, which
 * validates again (its errors come back with snake_case paths, see rest-errors.ts).
 *
 * zod-openapi documents zod schemas but does not rename keys; this walk is the one piece
 * no library does for us.
 */

const RFC3339_MESSAGE = "Give a date and time in RFC 3339 with an offset, like 2026-12-01T09:00:00+01:00";

/** A documented instant: what a date becomes on the wire. */
export const ZRestInstant = z.iso.datetime({ offset: true, message: RFC3339_MESSAGE });

const outputCache = new WeakMap<z.ZodType, z.ZodType>();

/** The documented response shape of a domain output schema (for the OpenAPI document and Ajv). */
export function restOutputSchema(schema: z.ZodType): z.ZodType {
  const cached = outputCache.get(schema);
  if (cached) return cached;
  const derived = deriveOutput(schema);
  outputCache.set(schema, derived);
  return derived;
}

/**
 * Names a domain output schema's REST shape (`Task`), so the document holds it once as a
 * component and every operation returning it refers to it. Call before the first use.
 */
export function nameRestOutput(schema: z.ZodType, id: string): z.ZodType {
  const named = deriveOutput(schema).meta({ id });
  outputCache.set(schema, named);
  return named;
}

function deriveOutput(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodObject) {
    const shape: Record<string, z.ZodType> = {};
    for (const [key, value] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      shape[toSnakeCase(key)] = restOutputSchema(value);
    }
    return z.object(shape);
  }
  if (schema instanceof z.ZodArray) return z.array(restOutputSchema(schema.element as z.ZodType));
  if (schema instanceof z.ZodNullable) return restOutputSchema(schema.unwrap() as z.ZodType).nullable();
  if (schema instanceof z.ZodOptional) return restOutputSchema(schema.unwrap() as z.ZodType).optional();
  if (schema instanceof z.ZodDefault) return restOutputSchema(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodDate) return ZRestInstant;
  if (schema instanceof z.ZodUnion) {
    return z.union((schema.options as z.ZodType[]).map((option) => restOutputSchema(option)));
  }
  if (schema instanceof z.ZodRecord) {
    return z.record(schema.keyType as z.ZodString, restOutputSchema(schema.valueType as z.ZodType));
  }
  if (schema instanceof z.ZodPipe) return restOutputSchema(schema.out as z.ZodType);
  return schema;
}

/** A procedure's output as the REST API answers it: the same walk as `restOutputSchema`, over the value. */
export function toRestValue(schema: z.ZodType, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (schema instanceof z.ZodObject) {
    const out: Record<string, unknown> = {};
    const record = value as Record<string, unknown>;
    for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      if (record[key] !== undefined) out[toSnakeCase(key)] = toRestValue(field, record[key]);
    }
    return out;
  }
  if (schema instanceof z.ZodArray) {
    return (value as unknown[]).map((item) => toRestValue(schema.element as z.ZodType, item));
  }
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) {
    return toRestValue(schema.unwrap() as z.ZodType, value);
  }
  if (schema instanceof z.ZodDate) return (value as Date).toISOString();
  if (schema instanceof z.ZodUnion) {
    const option = (schema.options as z.ZodType[]).find((candidate) => candidate.safeParse(value).success);
    return option ? toRestValue(option, value) : value;
  }
  if (schema instanceof z.ZodRecord) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [
        key,
        toRestValue(schema.valueType as z.ZodType, item),
      ]),
    );
  }
  if (schema instanceof z.ZodPipe) return toRestValue(schema.out as z.ZodType, value);
  return value;
}

/**
 * The request body a REST client sends for a domain input schema: snake_case keys (unknown
 * keys refused, so a camelCase `projectId` is an error rather than silently ignored) and
 * RFC 3339 instants. Parsing it gives the procedure's own input (camelCase, `Date`s), which
 * the procedure then validates as for any other caller. `omit` drops keys the path carries
 * (`id`); `id` names it as a component of the document.
 */
export function restInputSchema<S extends z.ZodObject, K extends keyof z.input<S> & string = never>(
  schema: S,
  { omit = [], id }: { omit?: K[]; id?: string } = {},
): z.ZodType<Omit<z.input<S>, K>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, value] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (!(omit as string[]).includes(key)) shape[toSnakeCase(key)] = deriveInput(value);
  }
  const body = z.strictObject(shape);
  return (id ? body.meta({ id }) : body).transform(renameKeys) as unknown as z.ZodType<Omit<z.input<S>, K>>;
}

function deriveInput(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodObject) return restInputSchema(schema);
  if (schema instanceof z.ZodArray) return z.array(deriveInput(schema.element as z.ZodType));
  if (schema instanceof z.ZodNullable) return deriveInput(schema.unwrap() as z.ZodType).nullable();
  if (schema instanceof z.ZodOptional) return deriveInput(schema.unwrap() as z.ZodType).optional();
  if (schema instanceof z.ZodDefault) {
    const inner = schema.unwrap() as z.ZodType;
    // The procedure applies its own default; documenting it here (in REST names) tells a client what it gets.
    return deriveInput(inner)
      .optional()
      .meta({ default: toRestValue(inner, schema.def.defaultValue) as never });
  }
  if (schema instanceof z.ZodDate) {
    return ZRestInstant.transform((text) => new Date(text)).pipe(schema);
  }
  if (schema instanceof z.ZodUnion) {
    return z.union((schema.options as z.ZodType[]).map((option) => deriveInput(option)));
  }
  if (schema instanceof z.ZodRecord) {
    return z.record(schema.keyType as z.ZodString, deriveInput(schema.valueType as z.ZodType));
  }
  // A transform's input side: the procedure runs the transform itself.
  if (schema instanceof z.ZodPipe) return deriveInput(schema.in as z.ZodType);
  return schema;
}

function renameKeys(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) out[toCamelCase(key)] = item;
  }
  return out;
}
