import { describe, expect, it } from "vitest";
import { ZLocalDate, ZPlannerTime, ZRecurrencePreset } from "./schemas.ts";

describe("ZPlannerTime", () => {
  it.each(["00:00", "09:30", "23:59"])("accepts %s", (value) => {
    expect(ZPlannerTime.parse(value)).toBe(value);
  });

  it.each(["24:00", "9:30", "09:60", "09:30:00", "", " 09:30", "noon"])(
    "rejects %j with scheduler.invalid_time",
    (value) => {
      const result = ZPlannerTime.safeParse(value);
      expect(result.error?.issues).toEqual([expect.objectContaining({ params: { code: "scheduler.invalid_time" } })]);
    },
  );
});

describe("ZLocalDate", () => {
  it.each(["2026-03-23", "2028-02-29", "2026-12-31"])("accepts %s", (value) => {
    expect(ZLocalDate.parse(value)).toBe(value);
  });

  it.each(["2026-02-29", "2026-13-01", "2026-04-31", "2026-3-23", "20260323", "2026-03-23T00:00"])(
    "rejects %j",
    (value) => {
      const result = ZLocalDate.safeParse(value);
      expect(result.error?.issues).toEqual([expect.objectContaining({ params: { code: "scheduler.invalid_date" } })]);
    },
  );
});

describe("ZRecurrencePreset", () => {
  it.each([
    { kind: "daily" },
    { kind: "daily", interval: 99 },
    { kind: "weekdays", interval: 2 },
    { kind: "weekly", days: ["MO", "WE"] },
    { kind: "weekly", days: ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] },
    { kind: "monthly_on_day", day: 31 },
    { kind: "monthly_on_day", day: -1 },
    { kind: "monthly_on_weekday", weekday: "FR", ordinal: -1 },
    { kind: "monthly_on_weekday", weekday: "TU", ordinal: 4, interval: 3 },
  ])("accepts %j", (preset) => {
    expect(ZRecurrencePreset.parse(preset)).toEqual(preset);
  });

  it.each([
    { kind: "hourly" },
    { kind: "daily", interval: 0 },
    { kind: "daily", interval: 100 },
    { kind: "daily", interval: 1.5 },
    { kind: "weekly", days: [] },
    { kind: "weekly", days: ["MO", "MO"] },
    { kind: "weekly", days: ["XX"] },
    { kind: "monthly_on_day", day: 0 },
    { kind: "monthly_on_day", day: 32 },
    { kind: "monthly_on_day", day: -2 },
    { kind: "monthly_on_weekday", weekday: "FR", ordinal: 5 },
    { kind: "monthly_on_weekday", weekday: "FR", ordinal: -2 },
  ])("rejects %j", (preset) => {
    expect(ZRecurrencePreset.safeParse(preset).success).toBe(false);
  });
});
