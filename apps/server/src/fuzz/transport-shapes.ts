import fc from "fast-check";

/**
 * Hostile shapes of the HTTP and tRPC transport itself, independent of any procedure:
 * wrong methods and content types, broken superjson metadata, malformed bodies and
 * query strings, unknown procedure paths, strange credentials and headers.
 */

export const wrongMethod = fc.constantFrom(
  "GET",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "OPTIONS",
  "HEAD",
  "PROPFIND",
  "FOO",
);

export const hostileContentType = fc.constantFrom<string | null>(
  null,
  "text/plain",
  "text/plain;charset=UTF-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/form-data; boundary=fuzz",
  "application/octet-stream",
  "application/json; charset=utf-16",
  "application/json; charset=latin1",
  "APPLICATION/JSON",
  "application/jsonl",
  "application/json, text/html",
  "application/vnd.api+json",
  "*/*",
  `application/json; x=${"a".repeat(5000)}`,
);

/** superjson's `meta`, broken: unknown or mistyped transformations, paths that do not exist or reach the prototype, cycles. */
export const hostileMeta = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    "x",
    1,
    [],
    { values: ["Date"] },
    { values: ["bigint"] },
    { values: ["undefined"] },
    { values: [["class", "Object"]] },
    { values: "Date" },
    { values: { "": ["Date"] } },
    { values: { "__proto__.polluted": ["Date"] } },
    { values: { "constructor.prototype.polluted": ["Date"] } },
    { values: { "a.b.c.d.e": ["map"] } },
    { values: { summary: ["nope"] } },
    { values: { summary: [["custom", "Decimal"]] } },
    { values: { summary: [["symbol", "x"]] } },
    { values: { summary: ["set"] } },
    { values: { summary: ["map"] } },
    { values: { summary: ["regexp"] } },
    { values: { summary: ["Error"] } },
    { values: { summary: ["URL"] } },
    { values: { summary: ["number"] } },
    { values: { id: ["Date"] } },
    { referentialEqualities: { "": ["summary"] } },
    { referentialEqualities: { summary: ["summary.x", "__proto__"] } },
    { referentialEqualities: ["summary"] },
    { referentialEqualities: { "a.b": ["a"] } },
    { values: {}, v: "99" },
  ),
  fc.record({
    values: fc.dictionary(
      fc.oneof(fc.constantFrom("summary", "id", "from", "to", "startTime", "0", "a.b"), fc.string({ maxLength: 12 })),
      fc.oneof(
        fc.constantFrom<unknown>(["Date"], ["bigint"], ["undefined"], ["number"], ["set"], ["map"], ["regexp"]),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      { maxKeys: 4 },
    ),
  }),
);

/** Text sent where the encoded input belongs. */
export const rawInputText = fc.oneof(
  fc.constantFrom(
    "",
    "{",
    "}",
    "null",
    "[]",
    "{}",
    "1e999",
    "-0",
    '"json"',
    '{"json":',
    '{"json":1,"json":2}',
    '{"json":{"__proto__":{"polluted":true}}}',
    '{"meta":{"values":["undefined"]}}',
    "\ufeff{}",
    '{"json":"\\ud800"}',
    '{"json":"\\u0000"}',
    "%E0%A4%A",
    `{"json":${"[".repeat(5000)}${"]".repeat(5000)}}`,
    `{"json":${"[".repeat(100_000)}`,
  ),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
);

/** Paths that are not procedures, or only look like one. */
export const strangeProcedurePath = fc.oneof(
  fc.constantFrom(
    "",
    "__proto__",
    "constructor",
    "toString",
    "hasOwnProperty",
    "scheduler",
    "scheduler.tasks",
    "scheduler.tasks.create.x",
    "SCHEDULER.TASKS.LIST",
    "scheduler..tasks.list",
    "scheduler.__proto__.list",
    "iam.me,",
    ",",
    "%00",
    "..%2f..%2fetc%2fpasswd",
    "%E0%A4%A",
    "a".repeat(6000),
    "scheduler.tasks.list".repeat(200),
  ),
  fc.string({ unit: "grapheme", maxLength: 30 }).map(encodeURIComponent),
);

export const strangeQuery = fc.constantFrom(
  "batch=1",
  "batch=1&input=",
  "batch=true&input={}",
  "batch=1&batch=0&input={}",
  "input=%E0%A4%A",
  "input=1&input=2",
  "input[]=x",
  "__proto__[polluted]=1",
  "batch=1&input=%7B%22-1%22%3A%7B%7D%7D",
  "batch=1&input=%7B%22999999%22%3A%7B%7D%7D",
  "connectionParams=1",
  `input=${"%7B".repeat(3000)}`,
);

/** Paths outside tRPC: auth, probes, the web app, and ones that try to escape. */
export const otherPath = fc.constantFrom(
  "/",
  "/health",
  "/ready",
  "/index.html",
  "/favicon.ico",
  "/assets/../../../../etc/passwd",
  "/%2e%2e/%2e%2e/etc/passwd",
  "/..%5c..%5cwindows",
  "/api/v1/tasks",
  "/metrics",
  "/trpc",
  "/trpc/",
  "/trpc/iam.me/extra",
  "//trpc/iam.me",
  "/%00",
  "/api/auth/get-session",
  "/api/auth/list-sessions",
  "/api/auth/ok",
  "/api/auth/error",
  "/api/auth/nope",
  "/api/auth/%E0%A4%A",
);

export const garbageToken = fc.oneof(
  fc.constantFrom("", "act_", "act_x", "a.b.c", "%00", "undefined", "null", "act_".padEnd(4000, "a")),
  fc.string({ unit: "grapheme-ascii", maxLength: 80 }),
);

export const extraHeaders = fc.oneof(
  fc.constantFrom<Record<string, string>>(
    { "x-request-id": "../../etc" },
    { "x-request-id": "a".repeat(500) },
    { "x-forwarded-for": "not an ip, 999.1.1.1" },
    { accept: "application/xml" },
    { "accept-encoding": "gzip;q=foo, br, *;q=0" },
    { "content-encoding": "gzip" },
    { "trpc-accept": "application/jsonl" },
    { "trpc-accept": "text/event-stream" },
    { "last-event-id": "x".repeat(500) },
    { "sec-fetch-site": "cross-site" },
    { range: "bytes=0-1" },
    { "if-none-match": "*" },
    { cookie: `better-auth.session_token=${"%".repeat(200)}` },
    // The same key on any create: a replay of the first, or a conflict when the input differs.
    { "idempotency-key": "fuzz-key" },
    { "idempotency-key": "" },
    { "idempotency-key": "k".repeat(5_000) },
    { "idempotency-key": "%00\\u0000" },
  ),
  fc.integer({ min: 17_000, max: 120_000 }).map((length) => ({ "x-fuzz": "a".repeat(length) })),
  fc
    .integer({ min: 100, max: 600 })
    .map((count) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`x-fuzz-${index}`, "v"]))),
);
