import { describe, expect, it } from "vitest";
import { advanceDue, parseRule } from "./recurrence.ts";

describe("the recurring due strings the fake can advance", () => {
  it.each([
    ["every day", { kind: "days", step: 1, fromCompletion: false }],
    ["Daily", { kind: "days", step: 1, fromCompletion: false }],
    ["every 3 days", { kind: "days", step: 3, fromCompletion: false }],
    ["every other day", { kind: "days", step: 2, fromCompletion: false }],
    ["every week", { kind: "days", step: 7, fromCompletion: false }],
    ["every 2 weeks at 9am", { kind: "days", step: 14, fromCompletion: false }],
    ["every weekday", { kind: "weekdays", days: [1, 2, 3, 4, 5], fromCompletion: false }],
    ["every workday", { kind: "weekdays", days: [1, 2, 3, 4, 5], fromCompletion: false }],
    ["every mon, wed and fri", { kind: "weekdays", days: [1, 3, 5], fromCompletion: false }],
    ["every sunday", { kind: "weekdays", days: [0], fromCompletion: false }],
    ["every month", { kind: "months", step: 1, fromCompletion: false }],
    ["every year", { kind: "months", step: 12, fromCompletion: false }],
    ["every! 3 days", { kind: "days", step: 3, fromCompletion: true }],
    ["after 2 weeks", { kind: "days", step: 14, fromCompletion: true }],
  ])("%s", (text, rule) => {
    expect(parseRule(text)).toEqual(rule);
  });

  it.each(["every 3rd friday", "every last day", "every jan 1", "every 15th", "tomorrow", "every 0 days"])(
    "leaves %s unsupported",
    (text) => {
      expect(parseRule(text)).toBeUndefined();
      expect(
        advanceDue({ date: "2026-03-04", string: text, lang: "en", is_recurring: true }, "2026-03-04"),
      ).toBeUndefined();
    },
  );
});
