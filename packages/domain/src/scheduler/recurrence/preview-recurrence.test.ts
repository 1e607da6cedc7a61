import { describe, expect, it } from "vitest";
import { previewRecurrence } from "./preview-recurrence.ts";

describe("previewRecurrence", () => {
  it("returns the canonical rule, its description and the next occurrences", () => {
    const preview = previewRecurrence({
      rule: "RRULE:FREQ=WEEKLY;BYDAY=WE,MO\nEXDATE:20260325T080000Z",
      start: new Date("2026-03-23T08:00:00Z"),
      timeZone: "Europe/Berlin",
      count: 3,
    });
    expect(preview).toEqual({
      rule: "FREQ=WEEKLY;BYDAY=MO,WE\nEXDATE:20260325T080000Z",
      text: "weekly on Monday and Wednesday, skipping 1 date",
      occurrences: [
        new Date("2026-03-23T08:00:00Z"),
        new Date("2026-03-30T07:00:00Z"),
        new Date("2026-04-01T07:00:00Z"),
      ],
    });
  });

  it("throws the parser's error for a rule it cannot preview", () => {
    expect(() =>
      previewRecurrence({ rule: "FREQ=DAILY;BYMINUTE=5", start: new Date(0), timeZone: "UTC", count: 1 }),
    ).toThrow(expect.objectContaining({ code: "scheduler.unsupported_rrule_part", details: { part: "BYMINUTE" } }));
  });
});
