import fc from "fast-check";

/**
 * Values that break careless code, to put anywhere in an input: wrong types, extreme
 * numbers and dates, NUL and lone surrogates, huge, deep and wide values, and the types
 * superjson can carry that JSON cannot (undefined, NaN, BigInt, Set, Map, RegExp, ...).
 */

function yearZero(): Date {
  const date = new Date("2000-01-01T00:00:00Z");
  date.setUTCFullYear(0);
  return date;
}

export const extremeDates: Date[] = [
  new Date(8.64e15),
  new Date(-8.64e15),
  new Date("+010000-01-01T00:00:00Z"),
  new Date("+275760-09-13T00:00:00Z"),
  new Date("9999-12-31T23:59:59.999Z"),
  new Date("9999-12-31T23:50:00Z"),
  new Date("3000-01-01T00:00:00Z"),
  yearZero(),
  new Date("0001-01-01T00:00:00Z"),
  new Date("1900-01-01T00:00:00Z"),
  new Date("1969-12-31T23:59:59.999Z"),
  new Date(0),
  new Date("2038-01-19T03:14:08Z"),
  new Date(Number.NaN),
];

const extremeNumbers = [
  0,
  -0,
  -1,
  0.5,
  1e-320,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

export const nastyStrings = [
  "",
  "   ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff",
  "x\ud83d",
  "\udc00\ud800",
  "\ufeff",
  "\u202eevil",
  "e\u0301\u0301\u0301",
  "🏳️‍🌈",
  "%00",
  "' OR 1=1 --",
  "\\",
  "\r\n",
  "null",
  "__proto__",
  "NaN",
  "1e999",
  "0x10",
  "{{7*7}}",
  "<script>alert(1)</script>",
  "../../../etc/passwd",
];

const wrongTypes: unknown[] = [null, true, false, 0, 1, "", "x", [], {}, [null], { "": null }, [[[]]]];

/** Nested arrays or objects `depth` levels deep. */
export function nested(depth: number, asObject: boolean): unknown {
  let value: unknown = asObject ? {} : [];
  for (let level = 0; level < depth; level++) value = asObject ? { a: value } : [value];
  return value;
}

const huge = fc
  .record({ length: fc.integer({ min: 1_000, max: 200_000 }), char: fc.constantFrom("x", "é", "\u0000", "😀", " ") })
  .map(({ length, char }) => char.repeat(length));

// superjson's time grows with the square of the depth; deeper JSON is sent as raw text (transport-shapes.ts).
const deep = fc
  .record({ depth: fc.integer({ min: 50, max: 400 }), asObject: fc.boolean() })
  .map(({ depth, asObject }) => nested(depth, asObject));

const wide = fc.oneof(
  fc.integer({ min: 1_000, max: 5_000 }).map((length) => Array.from({ length }, (_, index) => index)),
  fc
    .integer({ min: 1_000, max: 5_000 })
    .map((keys) => Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, i]))),
);

const superjsonOnly = fc.constantFrom<unknown>(
  undefined,
  10n ** 40n,
  -1n,
  new Set([1, 1n, "a"]),
  new Map<unknown, unknown>([[{}, 1]]),
  /(a+)+$/,
  new Error("boom"),
  new URL("http://127.0.0.1:1/"),
);

/** Keys that mean something to JavaScript objects or to ORMs. */
export const nastyKeys = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "then",
  "",
  "id",
  "userId",
];

const prototypeShaped = fc.constantFrom<unknown>(
  JSON.parse('{"__proto__":{"isAdmin":true}}'),
  { constructor: { prototype: { polluted: true } } },
  JSON.parse('{"then":"not a function"}'),
  { userId: "00000000-0000-7000-8000-000000000001", id: "00000000-0000-7000-8000-000000000001" },
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...wrongTypes) },
  { weight: 3, arbitrary: fc.oneof(fc.constantFrom(...extremeNumbers), fc.double(), fc.integer()) },
  { weight: 3, arbitrary: fc.oneof(fc.constantFrom(...extremeDates), fc.date()) },
  { weight: 4, arbitrary: fc.oneof(fc.constantFrom(...nastyStrings), fc.string({ unit: "binary", maxLength: 50 })) },
  // Big values mostly meet the same size limits; a few go a long way.
  { weight: 1, arbitrary: fc.oneof(huge, deep, wide) },
  { weight: 2, arbitrary: superjsonOnly },
  { weight: 1, arbitrary: prototypeShaped },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);

/** A text value made hostile: a nasty string inside an otherwise ordinary one. */
export const hostileText = fc
  .tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...nastyStrings), fc.string({ maxLength: 20 }))
  .map(([before, nasty, after]) => `${before}${nasty}${after}`);
