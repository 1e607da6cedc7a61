import fc from "fast-check";

/**
 * Valid-ish values for a zod 4 schema, for fuzzing. fast-check has no zod bridge, and
 * `z.toJSONSchema` cannot express `z.date()` (our inputs are full of dates) nor see inside
 * `refine`/`transform` functions, so this walks `schema._zod.def` directly: structure,
 * lengths, ranges, formats and enums come from the schema; strings whose rule lives in a
 * function (RRULEs, time zones, "HH:MM") come from `hint`, keyed by field name.
 * A schema type it does not know yields arbitrary JSON, so a new kind of input is still fuzzed.
 */
export type FieldHint = (field: string, schemaType: string) => fc.Arbitrary<unknown> | undefined;

type Def = { type: string; [key: string]: unknown };
type CheckDef = { check: string; [key: string]: unknown };

const MAX_DEPTH = 12;
/** Sane strings stay short; huge ones are the hostile values' job. */
const MAX_STRING = 300;
const MAX_ARRAY = 8;

/** Dates near the test server's clock (2026-06-01), where valid inputs live (start in the future, short ranges). */
const NEAR = { min: new Date("2026-05-20T00:00:00Z"), max: new Date("2026-08-15T00:00:00Z") };

function defOf(schema: unknown): Def {
  const def = (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;
  if (!def) throw new Error("not a zod 4 schema");
  return def;
}

function checksOf(def: Def): CheckDef[] {
  const checks = (def.checks as { _zod: { def: CheckDef } }[] | undefined) ?? [];
  return checks.map((check) => check._zod.def);
}

function bound(checks: CheckDef[], kind: "greater_than" | "less_than"): number | undefined {
  const found = checks.find((check) => check.check === kind);
  if (!found) return undefined;
  const value = found.value instanceof Date ? found.value.getTime() : Number(found.value);
  if (found.inclusive) return value;
  return kind === "greater_than" ? value + 1 : value - 1;
}

function lengthBounds(checks: CheckDef[], max: number) {
  const exact = checks.find((check) => check.check === "length_equals")?.length as number | undefined;
  const minLength = exact ?? (checks.find((check) => check.check === "min_length")?.minimum as number | undefined) ?? 0;
  const declared = exact ?? (checks.find((check) => check.check === "max_length")?.maximum as number | undefined);
  return { minLength, maxLength: Math.max(minLength, Math.min(declared ?? max, max)) };
}

const jsonValue = fc.jsonValue({ maxDepth: 3 });

export function stringArbitrary(def: Def): fc.Arbitrary<string> {
  switch (def.format) {
    case "uuid":
    case "guid":
      return fc.uuid();
    case "email":
      // fast-check's addresses follow the RFC; zod accepts a plainer subset.
      return fc
        .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,15}$/), fc.stringMatching(/^[a-z0-9]{1,12}\.[a-z]{2,6}$/))
        .map(([local, domain]) => `${local.replace(/\.{2,}/g, ".").replace(/\.$/, "")}@${domain}`);
    case "url":
      return fc.webUrl();
  }
  const checks = checksOf(def);
  const regex = checks.find((check) => check.check === "string_format" && check.format === "regex");
  if (regex) return fc.stringMatching(regex.pattern as RegExp);
  const { minLength, maxLength } = lengthBounds(checks, MAX_STRING);
  // zod counts UTF-16 code units, and a grapheme can take several.
  const fits = (value: string) => value.length <= maxLength;
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.string({
        minLength,
        maxLength: Math.max(minLength, Math.min(maxLength, 40)),
        unit: "grapheme-ascii",
      }),
    },
    { weight: 2, arbitrary: fc.string({ minLength, maxLength, unit: "grapheme" }).filter(fits) },
    { weight: 1, arbitrary: fc.string({ minLength, maxLength, unit: "binary" }).filter(fits) },
  );
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def);
  const integer = checks.some((check) => check.check === "number_format" && String(check.format).includes("int"));
  const min = bound(checks, "greater_than");
  const max = bound(checks, "less_than");
  if (integer) {
    return fc.integer({
      min: Math.ceil(min ?? Number.MIN_SAFE_INTEGER),
      max: Math.floor(max ?? Number.MAX_SAFE_INTEGER),
    });
  }
  return fc.double({ min: min ?? -1e9, max: max ?? 1e9, noNaN: true, noDefaultInfinity: true });
}

function dateArbitrary(def: Def): fc.Arbitrary<Date> {
  const checks = checksOf(def);
  const min = bound(checks, "greater_than");
  const max = bound(checks, "less_than");
  const within = (range: { min: Date; max: Date }) => ({
    min: new Date(Math.max(range.min.getTime(), min ?? -8.64e15)),
    max: new Date(Math.min(range.max.getTime(), max ?? 8.64e15)),
  });
  const near = within(NEAR);
  const wide = within({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z") });
  return fc.oneof(
    { weight: 9, arbitrary: fc.date({ ...(near.min < near.max ? near : wide), noInvalidDate: true }) },
    { weight: 1, arbitrary: fc.date({ ...wide, noInvalidDate: true }) },
  );
}

function isOptionalKey(schema: unknown): boolean {
  const type = defOf(schema).type;
  return type === "optional" || type === "default" || type === "prefault";
}

export function zodArbitrary(schema: unknown, hint: FieldHint, field = "", depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const hinted = field ? hint(field, def.type) : undefined;
  if (hinted) return hinted;
  if (depth > MAX_DEPTH) return fc.constant(undefined);
  const inner = (child: unknown, childField = field) => zodArbitrary(child, hint, childField, depth + 1);

  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, unknown>;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(shape)) model[key] = inner(value, key);
      const requiredKeys = Object.keys(shape).filter((key) => !isOptionalKey(shape[key]));
      return fc.record(model, { requiredKeys });
    }
    case "optional":
    case "default":
    case "prefault":
      return fc.option(inner(def.innerType), { nil: undefined, freq: 4 });
    case "nullable":
      return fc.option(inner(def.innerType), { nil: null, freq: 4 });
    case "nonoptional":
    case "readonly":
    case "catch":
    case "success":
      return inner(def.innerType);
    case "pipe":
      // What the caller sends is the pipe's input side; the output side is for the server.
      return inner(def.in);
    case "lazy":
      return inner((def.getter as () => unknown)());
    case "string":
      return stringArbitrary(def);
    case "number":
      return numberArbitrary(def);
    case "bigint":
      return fc.bigInt();
    case "boolean":
      return fc.boolean();
    case "date":
      return dateArbitrary(def);
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, string | number>));
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "union":
      return fc.oneof(...(def.options as unknown[]).map((option) => inner(option)));
    case "intersection":
      return inner(def.left);
    case "array": {
      const { minLength, maxLength } = lengthBounds(checksOf(def), MAX_ARRAY);
      return fc.array(inner(def.element), { minLength, maxLength });
    }
    case "tuple":
      return fc.tuple(...(def.items as unknown[]).map((item) => inner(item)));
    case "record":
      return fc.dictionary(fc.string({ maxLength: 10 }), inner(def.valueType), { maxKeys: 4 });
    case "void":
    case "undefined":
      return fc.constant(undefined);
    case "null":
      return fc.constant(null);
    default:
      return jsonValue;
  }
}
