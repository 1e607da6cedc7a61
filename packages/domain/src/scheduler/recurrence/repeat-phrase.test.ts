import { describe, expect, it } from "vitest";
import { presetToRule } from "./preset-to-rule.ts";
import { readRepeatPhrase, repeatPhraseToRule } from "./repeat-phrase.ts";

// Wednesday 2 December 2026, the 2nd of the month.
const WEDNESDAY = "2026-12-02";

describe("readRepeatPhrase", () => {
  it.each([
    ["every day", "FREQ=DAILY"],
    ["every 3 days", "FREQ=DAILY;INTERVAL=3"],
    ["every other day", "FREQ=DAILY;INTERVAL=2"],
    ["every weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"],
    ["Every Workday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"],
    ["every weekend", "FREQ=WEEKLY;BYDAY=SA,SU"],
    ["every week", "FREQ=WEEKLY;BYDAY=WE"],
    ["every 2 weeks", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"],
    ["every other week", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"],
    ["every monday", "FREQ=WEEKLY;BYDAY=MO"],
    ["every Mondays", "FREQ=WEEKLY;BYDAY=MO"],
    ["every fri", "FREQ=WEEKLY;BYDAY=FR"],
    ["every mon, wed and fri", "FREQ=WEEKLY;BYDAY=MO,WE,FR"],
    ["every friday and tuesday", "FREQ=WEEKLY;BYDAY=TU,FR"],
    ["every other thursday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"],
    ["every month", "FREQ=MONTHLY;BYMONTHDAY=2"],
    ["every 3 months", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=2"],
    ["every year", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=2"],
    ["every 2 years", "FREQ=YEARLY;INTERVAL=2;BYMONTH=12;BYMONTHDAY=2"],
  ])("%j -> %s", (phrase, rule) => {
    expect(readRepeatPhrase(phrase, WEDNESDAY)).toEqual({ text: phrase, rule });
  });

  it("takes only the phrase from a longer text", () => {
    expect(readRepeatPhrase("every weekday at the office", WEDNESDAY)).toEqual({
      text: "every weekday",
      rule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    });
    expect(readRepeatPhrase("every monday and buy milk", WEDNESDAY)).toEqual({
      text: "every monday",
      rule: "FREQ=WEEKLY;BYDAY=MO",
    });
  });

  it("gives the same rules as the repeat menu's presets for the same first day", () => {
    expect(readRepeatPhrase("every day", WEDNESDAY)?.rule).toBe(presetToRule({ kind: "daily" }));
    expect(readRepeatPhrase("every weekday", WEDNESDAY)?.rule).toBe(presetToRule({ kind: "weekdays" }));
    expect(readRepeatPhrase("every week", WEDNESDAY)?.rule).toBe(presetToRule({ kind: "weekly", days: ["WE"] }));
    expect(readRepeatPhrase("every month", WEDNESDAY)?.rule).toBe(presetToRule({ kind: "monthly_on_day", day: 2 }));
  });

  it("takes the weekday and day of month from the first day", () => {
    expect(readRepeatPhrase("every week", "2026-12-06")?.rule).toBe("FREQ=WEEKLY;BYDAY=SU");
    expect(readRepeatPhrase("every month", "2027-01-31")?.rule).toBe("FREQ=MONTHLY;BYMONTHDAY=31");
  });

  it.each([
    ["every fortnight", "every fortnight"],
    ["every 3rd friday of the month", "every 3rd"],
    ["every 2 weekdays", "every 2"],
    ["every 0 days", "every 0"],
    ["every 100 days", "every 100"],
    ["every weekdayish thing", "every weekdayish"],
    ["every", "every"],
    ["every  morning", "every  morning"],
  ])("%j is not understood, and says which words it took (%j)", (phrase, text) => {
    expect(readRepeatPhrase(phrase, WEDNESDAY)).toEqual({ text, rule: null });
  });

  it("is null for a text that does not start with the word every", () => {
    expect(readRepeatPhrase("everyone", WEDNESDAY)).toBeNull();
    expect(readRepeatPhrase("daily", WEDNESDAY)).toBeNull();
    expect(readRepeatPhrase(" every day", WEDNESDAY)).toBeNull();
  });

  it("refuses a first day that is not a date", () => {
    expect(() => readRepeatPhrase("every day", "2026-02-30")).toThrow(
      expect.objectContaining({ code: "scheduler.invalid_date" }),
    );
  });
});

describe("repeatPhraseToRule", () => {
  it("gives the rule only when the whole phrase is understood", () => {
    expect(repeatPhraseToRule(" every weekday ", WEDNESDAY)).toBe("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    expect(repeatPhraseToRule("every weekday at 9am", WEDNESDAY)).toBeNull();
    expect(repeatPhraseToRule("every fortnight", WEDNESDAY)).toBeNull();
    expect(repeatPhraseToRule("tomorrow", WEDNESDAY)).toBeNull();
  });
});
