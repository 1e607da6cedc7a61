import fc from "fast-check";
import { kindOfField, Ref } from "./id-pool.ts";
import type { FieldHint } from "./zod-arbitrary.ts";

/**
 * Strings whose rule lives in a refine/transform function, which a schema walker cannot
 * see: recurrence rules, IANA zones, local dates and times, colors, calendar addresses.
 * Keyed by field name; each mixes valid values with near misses. Id fields become Refs.
 */
const pad = (value: number, length = 2) => String(value).padStart(length, "0");

const weekday = fc.constantFrom("MO", "TU", "WE", "TH", "FR", "SA", "SU");
const signed = (max: number) => fc.integer({ min: -max, max });
const list = <T>(item: fc.Arbitrary<T>) =>
  fc.array(item, { minLength: 1, maxLength: 4 }).map((items) => items.join(","));

const ruleDate = fc
  .record({
    year: fc.oneof(fc.integer({ min: 2026, max: 2030 }), fc.constantFrom(1, 1969, 2999, 9999)),
    month: fc.integer({ min: 1, max: 13 }),
    day: fc.integer({ min: 1, max: 31 }),
    time: fc.boolean(),
  })
  .map(({ year, month, day, time }) => `${pad(year, 4)}${pad(month)}${pad(day)}${time ? "T090000Z" : ""}`);

const rulePart = fc.oneof(
  fc.constantFrom("DAILY", "WEEKLY", "MONTHLY", "YEARLY", "HOURLY", "weekly").map((value) => `FREQ=${value}`),
  fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constant(1e6)).map((value) => `INTERVAL=${value}`),
  list(fc.tuple(fc.option(signed(6), { nil: undefined }), weekday).map(([n, day]) => `${n ?? ""}${day}`)).map(
    (value) => `BYDAY=${value}`,
  ),
  list(signed(32)).map((value) => `BYMONTHDAY=${value}`),
  list(fc.integer({ min: 0, max: 13 })).map((value) => `BYMONTH=${value}`),
  list(signed(367)).map((value) => `BYSETPOS=${value}`),
  fc.oneof(fc.integer({ min: 0, max: 1001 }), fc.constant(99_999_999)).map((value) => `COUNT=${value}`),
  ruleDate.map((value) => `UNTIL=${value}`),
  weekday.map((value) => `WKST=${value}`),
  fc.constantFrom("BYHOUR=9", "X-NAME=1", "=", ";;", "FREQ"),
);

const recurrenceRule = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "FREQ=DAILY",
      "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
      "FREQ=MONTHLY;BYDAY=-1FR",
      "FREQ=MONTHLY;BYMONTHDAY=-1",
      "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
      "FREQ=DAILY;COUNT=3",
      "FREQ=WEEKLY;INTERVAL=2;UNTIL=20270101T000000Z",
      "RRULE:FREQ=DAILY\nEXDATE:20260602T090000Z",
    ),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom("DAILY", "WEEKLY", "MONTHLY", "YEARLY"),
        fc.array(rulePart, { maxLength: 4 }),
        fc.option(fc.array(ruleDate, { minLength: 1, maxLength: 3 }), { nil: undefined }),
      )
      .map(
        ([freq, parts, exdates]) =>
          `${[`FREQ=${freq}`, ...parts].join(";")}${exdates ? `\nEXDATE:${exdates.join(",")}` : ""}`,
      ),
  },
  { weight: 1, arbitrary: fc.array(rulePart, { maxLength: 6 }).map((parts) => parts.join(";")) },
);

const timeZone = fc.constantFrom(
  "UTC",
  "Europe/Berlin",
  "Asia/Kathmandu",
  "America/St_Johns",
  "Pacific/Kiritimati",
  "Pacific/Chatham",
  "Australia/Lord_Howe",
  "America/Santiago",
  "Etc/GMT+12",
  "Etc/GMT-14",
  "europe/berlin",
  "Mars/Olympus",
  "",
  "+05:45",
);

const localDate = fc.oneof(
  fc
    .record({ year: fc.integer({ min: 2025, max: 2027 }), month: fc.integer({ min: 1, max: 12 }), day: fc.nat(27) })
    .map(({ year, month, day }) => `${year}-${pad(month)}-${pad(day + 1)}`),
  fc.constantFrom("2026-02-29", "2028-02-29", "0000-01-01", "9999-12-31", "2026-13-01", "2026-1-1", "20260301"),
);

const plannerTime = fc.oneof(
  fc.record({ hour: fc.nat(23), minute: fc.nat(59) }).map(({ hour, minute }) => `${pad(hour)}:${pad(minute)}`),
  fc.constantFrom("24:00", "23:60", "9:00", "09:00:00", "-01:00"),
);

const color = fc.oneof(fc.stringMatching(/^#[0-9a-fA-F]{6}$/), fc.constantFrom("#GGGGGG", "red", "#fff", " #2563eb "));

const base64url = (text: string) => Buffer.from(text).toString("base64url");
const cursorPart = fc.oneof(
  fc.constantFrom<unknown>(null, "", "yesterday", 1.5, 2 ** 40, -1, "-".repeat(36), "+010000-01-01T00:00:00.000Z"),
  fc.uuid(),
  fc.integer(),
);

/** Cursors shaped like ours (base64url of "order:id" or of JSON) with parts a client made up. */
const forgedCursor = fc.oneof(
  fc.tuple(cursorPart, cursorPart).map(([order, id]) => base64url(`${String(order)}:${String(id)}`)),
  fc
    .record({ order: cursorPart, startTime: cursorPart, id: cursorPart })
    .map((cursor) => base64url(JSON.stringify(cursor))),
);

export type FieldHintOptions = {
  /** Addresses of a local calendar server the fuzz server may download from. */
  calendarUrls: string[];
};

/** The hint function for one procedure's input: Refs are typed by that procedure (an `id` in tasks.* is a task). */
export function fieldHints(procedure: string, { calendarUrls }: FieldHintOptions): FieldHint {
  const feedUrl = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...calendarUrls) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "https://calendar.invalid/basic.ics",
        "ftp://example.com/a.ics",
        "http://[::1]:1/x.ics",
        "http://0.0.0.0:1/",
        "javascript:alert(1)",
        "https://user:pass@calendar.invalid/x",
      ),
    },
  );
  return (field, schemaType) => {
    const kind = kindOfField(procedure, field);
    if (kind && (schemaType === "string" || schemaType === "array")) {
      const ref = fc.nat().map((pick) => new Ref(kind, pick));
      const one = fc.oneof({ weight: 4, arbitrary: ref }, { weight: 1, arbitrary: fc.uuid() });
      return schemaType === "array" ? fc.array(one, { minLength: 1, maxLength: 5 }) : one;
    }
    if (schemaType !== "string" && schemaType !== "pipe") return undefined;
    switch (field) {
      case "cursor":
        return fc.oneof(
          fc.nat().map((pick) => new Ref(`cursor:${procedure}`, pick)),
          forgedCursor,
          fc.string({ maxLength: 40 }),
        );
      case "recurrence":
      case "rule":
        return recurrenceRule;
      case "timeZone":
        return timeZone;
      case "startDate":
        return localDate;
      case "startTime":
        return plannerTime;
      case "color":
        return color;
      case "url":
        return feedUrl;
      default:
        return undefined;
    }
  };
}
