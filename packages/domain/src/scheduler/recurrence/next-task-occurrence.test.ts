import { describe, expect, it } from "vitest";
import { type NextTaskOccurrenceInput, nextTaskOccurrence } from "./next-task-occurrence.ts";

type TestInput = Partial<Omit<NextTaskOccurrenceInput, "base" | "completedAt">> & { base: string; completedAt: string };

function next({ base, completedAt, ...input }: TestInput): string | null {
  const result = nextTaskOccurrence({
    rule: "FREQ=DAILY",
    anchor: "scheduled",
    timeZone: "Europe/Berlin",
    occurrenceIndex: 1,
    ...input,
    base: new Date(base),
    completedAt: new Date(completedAt),
  });
  return result ? result.toISOString() : null;
}

describe("nextTaskOccurrence", () => {
  describe('anchor "scheduled"', () => {
    it("moves a daily 09:00 Berlin task across the DST change to 09:00 local", () => {
      expect(next({ base: "2026-03-28T08:00:00Z", completedAt: "2026-03-28T10:00:00Z" })).toBe(
        "2026-03-29T07:00:00.000Z",
      );
    });

    it("keeps the schedule when an overdue occurrence is completed late", () => {
      expect(next({ base: "2026-03-20T08:00:00Z", completedAt: "2026-03-28T10:00:00Z" })).toBe(
        "2026-03-21T08:00:00.000Z",
      );
    });

    it("takes the next allowed weekday", () => {
      const rule = "FREQ=WEEKLY;BYDAY=MO,WE";
      // Monday 23 March -> Wednesday 25 March, 09:00 CET.
      expect(next({ rule, base: "2026-03-23T08:00:00Z", completedAt: "2026-03-23T09:00:00Z" })).toBe(
        "2026-03-25T08:00:00.000Z",
      );
    });

    it("keeps the 31st for monthly rules, skipping short months", () => {
      const base = "2026-01-31T08:00:00Z";
      const completedAt = "2026-01-31T12:00:00Z";
      expect(next({ rule: "FREQ=MONTHLY", base, completedAt })).toBe("2026-03-31T07:00:00.000Z");
      expect(next({ rule: "FREQ=MONTHLY;BYMONTHDAY=-1", base, completedAt })).toBe("2026-02-28T08:00:00.000Z");
    });

    it("skips an EXDATE", () => {
      const rule = "FREQ=DAILY\nEXDATE:20260329T070000Z";
      expect(next({ rule, base: "2026-03-28T08:00:00Z", completedAt: "2026-03-28T10:00:00Z" })).toBe(
        "2026-03-30T07:00:00.000Z",
      );
    });
  });

  describe('anchor "completion"', () => {
    const anchor = "completion" as const;

    it("comes back the day after completion at the task's usual time", () => {
      // A 09:00 task completed at 15:00 on 28 March comes back at 09:00 on the 29th (now CEST).
      expect(next({ anchor, base: "2026-03-20T08:00:00Z", completedAt: "2026-03-28T14:00:00Z" })).toBe(
        "2026-03-29T07:00:00.000Z",
      );
    });

    it("counts INTERVAL from the completion day", () => {
      const rule = "FREQ=DAILY;INTERVAL=3";
      expect(next({ rule, anchor, base: "2026-03-20T08:00:00Z", completedAt: "2026-03-28T14:00:00Z" })).toBe(
        "2026-03-31T07:00:00.000Z",
      );
    });

    it("never comes back on the completion day, even when completed before its usual time", () => {
      expect(next({ anchor, base: "2026-03-20T08:00:00Z", completedAt: "2026-03-28T06:00:00Z" })).toBe(
        "2026-03-29T07:00:00.000Z",
      );
      expect(next({ anchor, base: "2026-03-20T21:30:00Z", completedAt: "2026-03-28T10:00:00Z" })).toBe(
        "2026-03-29T20:30:00.000Z",
      );
    });

    it("takes the first allowed weekday after the completion day", () => {
      const rule = "FREQ=WEEKLY;BYDAY=MO";
      // Completed on Wednesday 25 March; the task's time of day is 09:00 local.
      expect(next({ rule, anchor, base: "2026-03-23T08:00:00Z", completedAt: "2026-03-25T16:00:00Z" })).toBe(
        "2026-03-30T07:00:00.000Z",
      );
    });

    it("uses the local date of completion in the user's zone", () => {
      // 20:00Z on 27 March is already 28 March in Kathmandu (01:45); the task runs at 09:00 local.
      const input = { anchor, timeZone: "Asia/Kathmandu", base: "2026-03-20T03:15:00Z" };
      expect(next({ ...input, completedAt: "2026-03-27T20:00:00Z" })).toBe("2026-03-29T03:15:00.000Z");
    });
  });

  describe("end of the series", () => {
    it.each(["scheduled", "completion"] as const)("returns null once COUNT is used up (%s)", (anchor) => {
      const rule = "FREQ=WEEKLY;COUNT=2";
      const dates = { base: "2026-03-02T08:00:00Z", completedAt: "2026-03-02T09:00:00Z" };
      expect(next({ rule, anchor, ...dates, occurrenceIndex: 1 })).toBe("2026-03-09T08:00:00.000Z");
      expect(next({ rule, anchor, ...dates, occurrenceIndex: 2 })).toBeNull();
      expect(next({ rule, anchor, ...dates, occurrenceIndex: 7 })).toBeNull();
    });

    it.each(["scheduled", "completion"] as const)("returns null once UNTIL has passed (%s)", (anchor) => {
      const rule = "FREQ=DAILY;UNTIL=20260329T000000Z";
      expect(next({ rule, anchor, base: "2026-03-28T08:00:00Z", completedAt: "2026-03-28T10:00:00Z" })).toBeNull();
      expect(next({ rule, anchor, base: "2026-03-27T08:00:00Z", completedAt: "2026-03-27T07:00:00Z" })).toBe(
        "2026-03-28T08:00:00.000Z",
      );
    });
  });

  it("rejects an occurrence index below 1 and an unknown zone", () => {
    const dates = { base: "2026-03-28T08:00:00Z", completedAt: "2026-03-28T10:00:00Z" };
    expect(() => next({ ...dates, occurrenceIndex: 0 })).toThrow(
      expect.objectContaining({ code: "scheduler.invalid_occurrence_index" }),
    );
    expect(() => next({ ...dates, timeZone: "Europe/Atlantis" })).toThrow(
      expect.objectContaining({ code: "scheduler.unknown_time_zone" }),
    );
  });
});
