import { describe, expect, it } from "vitest";
import { presetKindOfRule } from "./preset-kind-of-rule.ts";

describe("presetKindOfRule", () => {
  it.each([
    ["FREQ=DAILY", "daily"],
    ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "weekdays"],
    ["FREQ=WEEKLY;BYDAY=TU", "weekly"],
    ["FREQ=MONTHLY;BYMONTHDAY=13", "monthly_on_day"],
    ["FREQ=MONTHLY;BYDAY=-1FR", "monthly_on_weekday"],
    ["FREQ=DAILY\nEXDATE:20260302T090000Z", "daily"],
  ])("reads %s as %s", (rule, kind) => {
    expect(presetKindOfRule(rule)).toBe(kind);
  });

  it.each(["FREQ=DAILY;INTERVAL=2", "FREQ=WEEKLY;BYDAY=MO,WE", "FREQ=YEARLY"])(
    "keeps %s as a rule of its own",
    (rule) => {
      expect(presetKindOfRule(rule)).toBeNull();
    },
  );
});
