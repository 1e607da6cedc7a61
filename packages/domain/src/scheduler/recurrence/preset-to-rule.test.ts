import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeRecurrence } from "./describe-recurrence.ts";
import { parseRecurrence } from "./parse-recurrence.ts";
import { presetToRule } from "./preset-to-rule.ts";
import { type RecurrencePreset, ZRecurrencePreset } from "./schemas.ts";
import { WEEKDAYS } from "./weekdays.ts";

const interval = fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined });
const weekday = fc.constantFrom(...WEEKDAYS);
const withInterval = <T extends object>(preset: T, every: number | undefined) =>
  every === undefined ? preset : { ...preset, interval: every };

const arbitraryPreset: fc.Arbitrary<RecurrencePreset> = fc.oneof(
  interval.map((every) => withInterval({ kind: "daily" as const }, every)),
  interval.map((every) => withInterval({ kind: "weekdays" as const }, every)),
  fc
    .tuple(fc.uniqueArray(weekday, { minLength: 1, maxLength: 7 }), interval)
    .map(([days, every]) => withInterval({ kind: "weekly" as const, days }, every)),
  fc
    .tuple(fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constant(-1 as const)), interval)
    .map(([day, every]) => withInterval({ kind: "monthly_on_day" as const, day }, every)),
  fc
    .tuple(weekday, fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, -1 as const), interval)
    .map(([day, ordinal, every]) =>
      withInterval({ kind: "monthly_on_weekday" as const, weekday: day, ordinal }, every),
    ),
);

describe("presetToRule", () => {
  it.each<[RecurrencePreset, string, string]>([
    [{ kind: "daily" }, "FREQ=DAILY", "every day"],
    [{ kind: "daily", interval: 2 }, "FREQ=DAILY;INTERVAL=2", "every 2 days"],
    [{ kind: "weekdays" }, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "every weekday"],
    [{ kind: "weekdays", interval: 2 }, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR", "every 2 weeks on weekdays"],
    [{ kind: "weekly", days: ["WE", "MO"] }, "FREQ=WEEKLY;BYDAY=MO,WE", "weekly on Monday and Wednesday"],
    [{ kind: "weekly", days: ["SU"], interval: 3 }, "FREQ=WEEKLY;INTERVAL=3;BYDAY=SU", "every 3 weeks on Sunday"],
    [{ kind: "monthly_on_day", day: 15 }, "FREQ=MONTHLY;BYMONTHDAY=15", "monthly on the 15th"],
    [{ kind: "monthly_on_day", day: -1 }, "FREQ=MONTHLY;BYMONTHDAY=-1", "monthly on the last day"],
    [
      { kind: "monthly_on_weekday", weekday: "FR", ordinal: -1 },
      "FREQ=MONTHLY;BYDAY=-1FR",
      "monthly on the last Friday",
    ],
    [
      { kind: "monthly_on_weekday", weekday: "TU", ordinal: 2, interval: 2 },
      "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU",
      "every 2 months on the second Tuesday",
    ],
  ])("turns %j into %s (%s)", (preset, rule, text) => {
    expect(presetToRule(preset)).toBe(rule);
    expect(describeRecurrence(rule)).toBe(text);
  });

  it("treats interval 1 like no interval", () => {
    expect(presetToRule({ kind: "daily", interval: 1 })).toBe("FREQ=DAILY");
  });

  it("round-trips every valid preset through parseRecurrence unchanged", () => {
    fc.assert(
      fc.property(arbitraryPreset, (preset) => {
        expect(ZRecurrencePreset.parse(preset)).toEqual(preset);
        const rule = presetToRule(preset);
        expect(parseRecurrence(rule)).toEqual({ rrule: rule, exdates: [], text: rule });
        expect(describeRecurrence(rule)).toMatch(/^(every|weekly|monthly)/);
      }),
    );
  });

  it("rejects what the type allows but a rule cannot say", () => {
    expect(() => presetToRule({ kind: "weekly", days: [] })).toThrow("BYDAY needs a value");
    expect(() => presetToRule({ kind: "monthly_on_day", day: 0 })).toThrow("BYMONTHDAY must list whole numbers");
  });
});
