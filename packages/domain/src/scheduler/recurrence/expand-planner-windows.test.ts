import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../shared/errors.ts";
import { expandPlannerWindows, type PlannerSpec, type PlannerWindow } from "./expand-planner-windows.ts";
import { WEEKDAYS, type Weekday } from "./weekdays.ts";

const MINUTE = 60_000;
const DAY = 86_400_000;

function planner(overrides: Partial<PlannerSpec> = {}): PlannerSpec {
  return {
    id: "p1",
    recurrence: "FREQ=DAILY",
    startDate: "2026-01-01",
    startTime: "09:00",
    minutes: 60,
    timeZone: "Europe/Berlin",
    active: true,
    ...overrides,
  };
}

function expand(planners: PlannerSpec[], from: string, to: string): PlannerWindow[] {
  return expandPlannerWindows({ planners, from: new Date(from), to: new Date(to) });
}

const starts = (windows: PlannerWindow[]) => windows.map((window) => window.start.toISOString());

function failure(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}

describe("expandPlannerWindows", () => {
  it("opens weekday windows at 09:00 Berlin for 8 hours, 08:00Z before the DST change and 07:00Z after", () => {
    const weekdays = planner({ recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", minutes: 480 });
    const windows = expand([weekdays], "2026-03-22T23:00:00Z", "2026-04-05T22:00:00Z");
    expect(starts(windows)).toEqual([
      "2026-03-23T08:00:00.000Z",
      "2026-03-24T08:00:00.000Z",
      "2026-03-25T08:00:00.000Z",
      "2026-03-26T08:00:00.000Z",
      "2026-03-27T08:00:00.000Z",
      "2026-03-30T07:00:00.000Z",
      "2026-03-31T07:00:00.000Z",
      "2026-04-01T07:00:00.000Z",
      "2026-04-02T07:00:00.000Z",
      "2026-04-03T07:00:00.000Z",
    ]);
    for (const window of windows) {
      expect(window.plannerId).toBe("p1");
      expect(window.end.getTime() - window.start.getTime()).toBe(480 * MINUTE);
    }
  });

  it("includes a window that opened before `from` and is still open, unclipped", () => {
    const night = planner({ startTime: "22:00", minutes: 240, timeZone: "UTC" });
    expect(expand([night], "2026-01-02T00:00:00Z", "2026-01-02T12:00:00Z")).toEqual([
      { plannerId: "p1", start: new Date("2026-01-01T22:00:00Z"), end: new Date("2026-01-02T02:00:00Z") },
    ]);
  });

  it("leaves out windows that end exactly at `from` or start exactly at `to`", () => {
    const night = planner({ startTime: "22:00", minutes: 120, timeZone: "UTC" });
    expect(expand([night], "2026-01-02T00:00:00Z", "2026-01-02T22:00:00Z")).toEqual([]);
  });

  it("sorts by start, then by planner id, and skips inactive planners", () => {
    const windows = expand(
      [
        planner({ id: "b" }),
        planner({ id: "a" }),
        planner({ id: "early", startTime: "08:00" }),
        planner({ id: "off", startTime: "07:00", active: false }),
      ],
      "2026-01-05T00:00:00Z",
      "2026-01-07T00:00:00Z",
    );
    expect(windows.map((window) => `${window.start.toISOString().slice(0, 13)} ${window.plannerId}`)).toEqual([
      "2026-01-05T07 early",
      "2026-01-05T08 a",
      "2026-01-05T08 b",
      "2026-01-06T07 early",
      "2026-01-06T08 a",
      "2026-01-06T08 b",
    ]);
  });

  it("moves a 02:30 window to 03:30 on the spring-forward day and keeps its length in elapsed time", () => {
    const windows = expand([planner({ startTime: "02:30" })], "2026-03-28T00:00:00Z", "2026-03-30T12:00:00Z");
    expect(windows.map((w) => [w.start.toISOString(), w.end.toISOString()])).toEqual([
      ["2026-03-28T01:30:00.000Z", "2026-03-28T02:30:00.000Z"],
      ["2026-03-29T01:30:00.000Z", "2026-03-29T02:30:00.000Z"],
      ["2026-03-30T00:30:00.000Z", "2026-03-30T01:30:00.000Z"],
    ]);
  });

  it("lets 24-hour daily windows overlap by the hour a spring-forward night loses", () => {
    // Documented rather than hidden: a day of 23 hours cannot hold a window of 24.
    const [first, second] = expand([planner({ minutes: 1440 })], "2026-03-28T12:00:00Z", "2026-03-29T12:00:00Z");
    expect(first?.end.toISOString()).toBe("2026-03-29T08:00:00.000Z");
    expect(second?.start.toISOString()).toBe("2026-03-29T07:00:00.000Z");
  });

  it("honours COUNT, UNTIL and EXDATE", () => {
    const range = ["2026-01-03T00:00:00Z", "2026-01-10T00:00:00Z"] as const;
    expect(starts(expand([planner({ recurrence: "FREQ=DAILY;COUNT=5" })], ...range))).toEqual([
      "2026-01-03T08:00:00.000Z",
      "2026-01-04T08:00:00.000Z",
      "2026-01-05T08:00:00.000Z",
    ]);
    expect(starts(expand([planner({ recurrence: "FREQ=DAILY;UNTIL=20260104" })], ...range))).toEqual([
      "2026-01-03T08:00:00.000Z",
      "2026-01-04T08:00:00.000Z",
    ]);
    const skipping = planner({ recurrence: "FREQ=DAILY\nEXDATE:20260104T080000Z" });
    expect(starts(expand([skipping], range[0], "2026-01-06T00:00:00Z"))).toEqual([
      "2026-01-03T08:00:00.000Z",
      "2026-01-05T08:00:00.000Z",
    ]);
  });

  it("opens nothing before startDate", () => {
    expect(
      starts(expand([planner({ startDate: "2026-01-05" })], "2026-01-01T00:00:00Z", "2026-01-06T00:00:00Z")),
    ).toEqual(["2026-01-05T08:00:00.000Z"]);
  });

  it("expands a year of a planner that started long ago", () => {
    const old = planner({ startDate: "2001-01-01", recurrence: "FREQ=DAILY;INTERVAL=2" });
    const windows = expand([old], "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    expect(windows).toHaveLength(182);
    // 2001-01-01 + 2 * 4565 days = 2025-12-31, so the first window in 2026 is on 2 January.
    expect(windows[0]?.start.toISOString()).toBe("2026-01-02T08:00:00.000Z");
  });

  describe("range guard", () => {
    it("accepts 400 days and refuses more", () => {
      const from = new Date("2026-01-01T00:00:00Z");
      const to = new Date(from.getTime() + 400 * DAY);
      expect(expandPlannerWindows({ planners: [planner()], from, to })).toHaveLength(400);
      const error = failure(() =>
        expandPlannerWindows({ planners: [planner()], from, to: new Date(to.getTime() + 1) }),
      );
      expect(error).toMatchObject({ kind: "INVALID", code: "scheduler.window_range_too_long" });
    });

    it("returns nothing for an empty range and refuses a reversed one", () => {
      expect(expand([planner()], "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z")).toEqual([]);
      expect(failure(() => expand([planner()], "2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z"))).toMatchObject({
        code: "scheduler.invalid_window_range",
      });
    });
  });

  it.each<[Partial<PlannerSpec>, string]>([
    [{ recurrence: "FREQ=HOURLY" }, "scheduler.unsupported_rrule_part"],
    [{ recurrence: "FREQ=DAILY;INTERVAL=0" }, "scheduler.invalid_rrule"],
    [{ startDate: "2026-02-30" }, "scheduler.invalid_date"],
    [{ startTime: "24:00" }, "scheduler.invalid_time"],
    [{ minutes: 0 }, "scheduler.invalid_minutes"],
    [{ minutes: 1441 }, "scheduler.invalid_minutes"],
    [{ minutes: 1.5 }, "scheduler.invalid_minutes"],
    [{ timeZone: "Nowhere/Land" }, "scheduler.unknown_time_zone"],
  ])("names the broken planner: %j", (overrides, code) => {
    const broken = planner({ id: "broken", ...overrides });
    const error = failure(() => expand([planner(), broken], "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"));
    expect(error).toMatchObject({ kind: "INVALID", code, details: expect.objectContaining({ plannerId: "broken" }) });
    expect(
      expand([planner(), { ...broken, active: false }], "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"),
    ).toHaveLength(1);
  });
});

// --- Property tests -------------------------------------------------------------------

const ZONES = [
  "UTC",
  "Europe/Berlin",
  "America/New_York",
  "Asia/Kathmandu",
  "Australia/Lord_Howe",
  "America/Santiago",
  "Europe/Dublin",
  "Pacific/Chatham",
];

/** A rule the test can also evaluate by hand, day by day. */
type TestRule =
  | { kind: "daily"; interval: number }
  | { kind: "daysOfWeek"; days: Weekday[] }
  | { kind: "weekly"; interval: number; days: Weekday[] };

const arbitraryDays = fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 7 });
const arbitraryRule: fc.Arbitrary<TestRule> = fc.oneof(
  fc.integer({ min: 1, max: 3 }).map((interval) => ({ kind: "daily" as const, interval })),
  arbitraryDays.map((days) => ({ kind: "daysOfWeek" as const, days })),
  fc.constant({ kind: "weekly" as const, interval: 1, days: ["MO", "TU", "WE", "TH", "FR"] as Weekday[] }),
  fc
    .tuple(fc.integer({ min: 1, max: 2 }), arbitraryDays)
    .map(([interval, days]) => ({ kind: "weekly" as const, interval, days })),
);

function ruleText(rule: TestRule): string {
  const days = (list: Weekday[]) => WEEKDAYS.filter((day) => list.includes(day)).join(",");
  if (rule.kind === "daily") return `FREQ=DAILY;INTERVAL=${rule.interval}`;
  if (rule.kind === "daysOfWeek") return `FREQ=DAILY;BYDAY=${days(rule.days)}`;
  return `FREQ=WEEKLY;INTERVAL=${rule.interval};BYDAY=${days(rule.days)}`;
}

function allows(rule: TestRule, startDate: Temporal.PlainDate, date: Temporal.PlainDate): boolean {
  if (Temporal.PlainDate.compare(date, startDate) < 0) return false;
  const weekday = WEEKDAYS[date.dayOfWeek - 1] as Weekday;
  if (rule.kind === "daily") return startDate.until(date).days % rule.interval === 0;
  if (rule.kind === "daysOfWeek") return rule.days.includes(weekday);
  const monday = (d: Temporal.PlainDate) => d.subtract({ days: d.dayOfWeek - 1 });
  const weeks = monday(startDate).until(monday(date)).days / 7;
  return rule.days.includes(weekday) && weeks % rule.interval === 0;
}

const DAY_2020 = Date.UTC(2020, 0, 1) / DAY;
const arbitrarySpec = fc
  .record({
    rule: arbitraryRule,
    zone: fc.constantFrom(...ZONES),
    startDay: fc.integer({ min: DAY_2020, max: DAY_2020 + 8 * 365 }),
    // Early hours are where DST gaps and folds are (02:30 in Europe, 00:00 in Santiago).
    hour: fc.oneof(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 3 })),
    minute: fc.constantFrom(0, 15, 30, 45, 59),
    // At most one window a day, and a day can be an hour short (30 minutes on Lord Howe):
    // windows up to 23 hours can never overlap. See the 24-hour example above.
    minutes: fc.integer({ min: 1, max: 1380 }),
    active: fc.boolean(),
  })
  .map(({ rule, zone, startDay, hour, minute, minutes, active }) => {
    const startDate = Temporal.PlainDate.from("1970-01-01").add({ days: startDay });
    const pad = (n: number) => String(n).padStart(2, "0");
    return {
      rule,
      startDate,
      time: new Temporal.PlainTime(hour, minute),
      minutes,
      zone,
      active,
      hm: `${pad(hour)}:${pad(minute)}`,
    };
  });

// Half of the ranges start within days of a DST change in one of the zones.
const DST_CHANGES = [
  "2026-03-08T07:00:00Z", // New York
  "2026-03-29T01:00:00Z", // Berlin, Dublin
  "2026-04-04T15:00:00Z", // Lord Howe
  "2026-04-05T03:00:00Z", // Santiago
  "2026-04-04T14:00:00Z", // Chatham
  "2026-09-06T04:00:00Z", // Santiago
  "2026-09-26T14:00:00Z", // Chatham
  "2026-10-03T15:30:00Z", // Lord Howe
  "2026-10-25T01:00:00Z", // Berlin, Dublin
  "2026-11-01T06:00:00Z", // New York
].map((at) => Date.parse(at));
const arbitraryFrom = fc.oneof(
  fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 0, 1) }),
  fc
    .tuple(fc.constantFrom(...DST_CHANGES), fc.integer({ min: -3 * 24 * 60, max: 24 * 60 }))
    .map(([change, minutes]) => change + minutes * MINUTE),
);
const arbitraryRange = fc
  .tuple(arbitraryFrom, fc.integer({ min: 1, max: 60 * 24 * 60 }))
  .map(([from, minutes]) => ({ from: new Date(from), to: new Date(from + minutes * MINUTE) }));

describe("expandPlannerWindows properties", () => {
  it("windows of a planner never overlap, are sorted, start at the local start time on an allowed day, and overlap the range", () => {
    fc.assert(
      fc.property(fc.array(arbitrarySpec, { minLength: 1, maxLength: 3 }), arbitraryRange, (specs, { from, to }) => {
        const planners: PlannerSpec[] = specs.map((spec, index) => ({
          id: `planner-${index}`,
          recurrence: ruleText(spec.rule),
          startDate: spec.startDate.toString(),
          startTime: spec.hm,
          minutes: spec.minutes,
          timeZone: spec.zone,
          active: spec.active,
        }));
        const windows = expandPlannerWindows({ planners, from, to });

        for (let i = 1; i < windows.length; i++) {
          const [a, b] = [windows[i - 1] as PlannerWindow, windows[i] as PlannerWindow];
          expect(
            a.start.getTime() < b.start.getTime() ||
              (a.start.getTime() === b.start.getTime() && a.plannerId < b.plannerId),
          ).toBe(true);
        }

        specs.forEach((spec, index) => {
          const own = windows.filter((window) => window.plannerId === `planner-${index}`);
          if (!spec.active) {
            expect(own).toEqual([]);
            return;
          }
          for (let i = 1; i < own.length; i++) {
            expect((own[i - 1] as PlannerWindow).end.getTime()).toBeLessThanOrEqual(
              (own[i] as PlannerWindow).start.getTime(),
            );
          }
          for (const window of own) {
            expect(window.start.getTime()).toBeLessThan(to.getTime());
            expect(window.end.getTime()).toBeGreaterThan(from.getTime());
            expect(window.end.getTime() - window.start.getTime()).toBe(spec.minutes * MINUTE);
            // Back in the planner's zone: an allowed day, at the start time (or where a gap pushed it).
            const local = Temporal.Instant.fromEpochMilliseconds(window.start.getTime()).toZonedDateTimeISO(spec.zone);
            const date = local.toPlainDate();
            expect(allows(spec.rule, spec.startDate, date)).toBe(true);
            const intended = date
              .toPlainDateTime(spec.time)
              .toZonedDateTime(spec.zone, { disambiguation: "compatible" });
            expect(intended.epochMilliseconds).toBe(window.start.getTime());
            const exists = intended.toPlainTime().equals(spec.time);
            if (exists) expect(local.toPlainTime().equals(spec.time)).toBe(true);
          }

          // And none is missing: check every local day around the range by hand.
          const expected: number[] = [];
          const first = Temporal.Instant.fromEpochMilliseconds(from.getTime() - 2 * DAY).toZonedDateTimeISO(spec.zone);
          const last = Temporal.Instant.fromEpochMilliseconds(to.getTime() + 2 * DAY).toZonedDateTimeISO(spec.zone);
          for (
            let date = first.toPlainDate();
            Temporal.PlainDate.compare(date, last.toPlainDate()) <= 0;
            date = date.add({ days: 1 })
          ) {
            if (!allows(spec.rule, spec.startDate, date)) continue;
            const start = date.toPlainDateTime(spec.time).toZonedDateTime(spec.zone).epochMilliseconds;
            if (start < to.getTime() && start + spec.minutes * MINUTE > from.getTime()) expected.push(start);
          }
          expect(own.map((window) => window.start.getTime())).toEqual(expected);
        });
      }),
      { numRuns: 200 },
    );
  });
});
