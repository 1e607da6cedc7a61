import { describe, expect, it } from "vitest";
import { listOccurrences } from "./list-occurrences.ts";

type Query = Parameters<typeof listOccurrences>[0];

function list(rule: string, start: string, timeZone: string, count: number, after?: string): string[] {
  const query: Query = { rule, start: new Date(start), timeZone, count };
  if (after) query.after = new Date(after);
  return listOccurrences(query).map((date) => date.toISOString().replace(":00.000Z", "Z"));
}

describe("listOccurrences", () => {
  describe("keeps the local time across DST", () => {
    it("Europe/Berlin in spring (2026-03-29) and autumn (2026-10-25)", () => {
      expect(list("FREQ=DAILY", "2026-03-27T08:00:00Z", "Europe/Berlin", 4)).toEqual([
        "2026-03-27T08:00Z",
        "2026-03-28T08:00Z",
        "2026-03-29T07:00Z",
        "2026-03-30T07:00Z",
      ]);
      expect(list("FREQ=DAILY", "2026-10-23T07:00:00Z", "Europe/Berlin", 4)).toEqual([
        "2026-10-23T07:00Z",
        "2026-10-24T07:00Z",
        "2026-10-25T08:00Z",
        "2026-10-26T08:00Z",
      ]);
    });

    it("America/New_York in spring (2026-03-08) and autumn (2026-11-01)", () => {
      expect(list("FREQ=WEEKLY;BYDAY=MO", "2026-03-02T14:00:00Z", "America/New_York", 2)).toEqual([
        "2026-03-02T14:00Z",
        "2026-03-09T13:00Z",
      ]);
      expect(list("FREQ=WEEKLY;BYDAY=MO", "2026-10-26T13:00:00Z", "America/New_York", 2)).toEqual([
        "2026-10-26T13:00Z",
        "2026-11-02T14:00Z",
      ]);
    });

    it("in Asia/Kathmandu, whose offset is not a whole hour", () => {
      expect(list("FREQ=DAILY", "2026-01-01T03:15:00Z", "Asia/Kathmandu", 2)).toEqual([
        "2026-01-01T03:15Z",
        "2026-01-02T03:15Z",
      ]);
    });
  });

  describe("local times that do not exist or exist twice", () => {
    it("moves 02:30 forward to 03:30 on the spring-forward day and keeps the occurrence", () => {
      expect(list("FREQ=DAILY", "2026-03-28T01:30:00Z", "Europe/Berlin", 3)).toEqual([
        "2026-03-28T01:30Z", // 02:30 CET
        "2026-03-29T01:30Z", // 03:30 CEST: 02:30 does not exist
        "2026-03-30T00:30Z", // 02:30 CEST
      ]);
      expect(list("FREQ=DAILY", "2026-03-07T07:30:00Z", "America/New_York", 3)).toEqual([
        "2026-03-07T07:30Z",
        "2026-03-08T07:30Z", // 03:30 EDT
        "2026-03-09T06:30Z",
      ]);
    });

    it("finds a moved occurrence whose wall-clock time is before `after` but whose instant is not", () => {
      // `after` is 03:00 CEST; the 02:30 occurrence that day really happens at 03:30 CEST.
      expect(list("FREQ=DAILY", "2026-03-20T01:30:00Z", "Europe/Berlin", 1, "2026-03-29T01:00:00Z")).toEqual([
        "2026-03-29T01:30Z",
      ]);
    });

    it("takes the first of a repeated 02:30 on the fall-back day", () => {
      expect(list("FREQ=DAILY", "2026-10-24T00:30:00Z", "Europe/Berlin", 3)).toEqual([
        "2026-10-24T00:30Z",
        "2026-10-25T00:30Z", // 02:30 CEST, not 02:30 CET an hour later
        "2026-10-26T01:30Z",
      ]);
    });
  });

  describe("month ends and leap years", () => {
    it("skips months without a 31st for BYMONTHDAY=31, and for a plain monthly rule started on the 31st", () => {
      const expected = [
        "2026-01-31T08:00Z",
        "2026-03-31T07:00Z",
        "2026-05-31T07:00Z",
        "2026-07-31T07:00Z",
        "2026-08-31T07:00Z",
        "2026-10-31T08:00Z",
        "2026-12-31T08:00Z",
      ];
      expect(list("FREQ=MONTHLY;BYMONTHDAY=31", "2026-01-01T08:00:00Z", "Europe/Berlin", 7)).toEqual(expected);
      expect(list("FREQ=MONTHLY", "2026-01-31T08:00:00Z", "Europe/Berlin", 7)).toEqual(expected);
    });

    it("finds the last day of every month with BYMONTHDAY=-1, Feb 29 in 2028 included", () => {
      expect(list("FREQ=MONTHLY;BYMONTHDAY=-1", "2027-12-01T09:00:00Z", "UTC", 5)).toEqual([
        "2027-12-31T09:00Z",
        "2028-01-31T09:00Z",
        "2028-02-29T09:00Z",
        "2028-03-31T09:00Z",
        "2028-04-30T09:00Z",
      ]);
      expect(list("FREQ=MONTHLY;BYMONTHDAY=-1", "2027-02-01T09:00:00Z", "UTC", 1)).toEqual(["2027-02-28T09:00Z"]);
    });

    it("repeats Feb 29 only in leap years", () => {
      expect(list("FREQ=YEARLY", "2028-02-29T09:00:00Z", "UTC", 3)).toEqual([
        "2028-02-29T09:00Z",
        "2032-02-29T09:00Z",
        "2036-02-29T09:00Z",
      ]);
    });
  });

  describe("other parts", () => {
    it("BYSETPOS picks the last weekday of each month", () => {
      expect(list("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "2026-01-01T09:00:00Z", "UTC", 5)).toEqual([
        "2026-01-30T09:00Z",
        "2026-02-27T09:00Z",
        "2026-03-31T09:00Z",
        "2026-04-30T09:00Z",
        "2026-05-29T09:00Z",
      ]);
    });

    it("BYMONTH with an ordinal BYDAY: the fourth Thursday of November", () => {
      expect(list("FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", "2026-01-01T17:00:00Z", "America/New_York", 2)).toEqual([
        "2026-11-26T17:00Z",
        "2027-11-25T17:00Z",
      ]);
    });

    it("WKST changes which days a two-weekly rule picks (RFC 5545's own example)", () => {
      const start = "1997-08-05T13:00:00Z";
      expect(list("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", start, "America/New_York", 9)).toEqual([
        "1997-08-05T13:00Z",
        "1997-08-10T13:00Z",
        "1997-08-19T13:00Z",
        "1997-08-24T13:00Z",
      ]);
      expect(list("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", start, "America/New_York", 9)).toEqual([
        "1997-08-05T13:00Z",
        "1997-08-17T13:00Z",
        "1997-08-19T13:00Z",
        "1997-08-31T13:00Z",
      ]);
    });

    it("does not count a start that the rule does not match", () => {
      // 2026-03-24 is a Tuesday.
      expect(list("FREQ=WEEKLY;BYDAY=MO", "2026-03-24T08:00:00Z", "Europe/Berlin", 1)).toEqual(["2026-03-30T07:00Z"]);
    });
  });

  describe("ending a series", () => {
    it("stops after COUNT occurrences, however many are asked for", () => {
      expect(list("FREQ=DAILY;COUNT=3", "2026-01-01T08:00:00Z", "Europe/Berlin", 10)).toEqual([
        "2026-01-01T08:00Z",
        "2026-01-02T08:00Z",
        "2026-01-03T08:00Z",
      ]);
      expect(list("FREQ=DAILY;COUNT=3", "2026-01-01T08:00:00Z", "Europe/Berlin", 10, "2026-01-02T08:00:00Z")).toEqual([
        "2026-01-03T08:00Z",
      ]);
    });

    it("stops at an UNTIL date-time, inclusive", () => {
      const rule = "FREQ=DAILY;UNTIL=20260105T080000Z";
      expect(list(rule, "2026-01-01T08:00:00Z", "Europe/Berlin", 10)).toHaveLength(5);
      expect(list("FREQ=DAILY;UNTIL=20260105T075959Z", "2026-01-01T08:00:00Z", "Europe/Berlin", 10)).toHaveLength(4);
    });

    it("reads an UNTIL date as the end of that local day", () => {
      // 23:30 in Berlin is 22:30Z, still on the local 5th.
      expect(list("FREQ=DAILY;UNTIL=20260105", "2026-01-01T22:30:00Z", "Europe/Berlin", 10).at(-1)).toBe(
        "2026-01-05T22:30Z",
      );
      // 05:00 in Kathmandu is 23:15Z the day before: 23:15Z on the 5th is local 6 January, past UNTIL.
      expect(list("FREQ=DAILY;UNTIL=20260105", "2026-01-01T23:15:00Z", "Asia/Kathmandu", 10).at(-1)).toBe(
        "2026-01-04T23:15Z",
      );
    });

    it("returns nothing when the start is already past UNTIL", () => {
      expect(list("FREQ=DAILY;UNTIL=20250101", "2026-01-01T08:00:00Z", "UTC", 10)).toEqual([]);
    });

    it("removes EXDATE occurrences without extending COUNT", () => {
      expect(list("FREQ=DAILY\nEXDATE:20260102T080000Z", "2026-01-01T08:00:00Z", "Europe/Berlin", 3)).toEqual([
        "2026-01-01T08:00Z",
        "2026-01-03T08:00Z",
        "2026-01-04T08:00Z",
      ]);
      expect(list("FREQ=DAILY;COUNT=3\nEXDATE:20260102T080000Z", "2026-01-01T08:00:00Z", "Europe/Berlin", 9)).toEqual([
        "2026-01-01T08:00Z",
        "2026-01-03T08:00Z",
      ]);
    });
  });

  describe("after", () => {
    it("returns occurrences strictly after it", () => {
      expect(list("FREQ=DAILY", "2026-01-01T08:00:00Z", "UTC", 2, "2026-01-03T08:00:00Z")).toEqual([
        "2026-01-04T08:00Z",
        "2026-01-05T08:00Z",
      ]);
    });

    it("keeps the rhythm of a series that started long before", () => {
      expect(list("FREQ=DAILY", "2000-01-01T08:00:00Z", "Europe/Berlin", 2, "2026-06-15T12:00:00Z")).toEqual([
        "2026-06-16T07:00Z",
        "2026-06-17T07:00Z",
      ]);
      expect(list("FREQ=DAILY;INTERVAL=3", "2026-01-01T08:00:00Z", "UTC", 2, "2026-01-05T00:00:00Z")).toEqual([
        "2026-01-07T08:00Z",
        "2026-01-10T08:00Z",
      ]);
      expect(
        list("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "2026-01-05T08:00:00Z", "Europe/Berlin", 3, "2026-03-01T00:00:00Z"),
      ).toEqual(["2026-03-02T08:00Z", "2026-03-16T08:00Z", "2026-03-30T07:00Z"]);
    });
  });

  describe("limits and errors", () => {
    it("returns up to 500 occurrences and nothing for count 0", () => {
      expect(list("FREQ=DAILY", "2026-01-01T08:00:00Z", "UTC", 500)).toHaveLength(500);
      expect(list("FREQ=DAILY", "2026-01-01T08:00:00Z", "UTC", 0)).toEqual([]);
    });

    it("finds sparse occurrences far ahead", () => {
      expect(list("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2026-01-01T08:00:00Z", "UTC", 30).at(-1)).toBe(
        "2148-02-29T08:00Z", // 2100 is not a leap year
      );
    });

    it("ends a rule that can never match instead of searching forever", () => {
      // No month has ten Mondays.
      expect(list("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=10", "2026-01-01T08:00:00Z", "UTC", 3)).toEqual([]);
      // A fifth Monday in February needs a leap year starting the month on a Monday.
      expect(list("FREQ=MONTHLY;BYMONTH=2;BYDAY=MO;BYSETPOS=5", "2026-01-01T08:00:00Z", "UTC", 3)).toEqual([
        "2044-02-29T08:00Z",
        "2072-02-29T08:00Z",
        "2112-02-29T08:00Z",
      ]);
    });

    it.each([-1, 501, 1.5])("rejects count %d", (count) => {
      expect(() => list("FREQ=DAILY", "2026-01-01T08:00:00Z", "UTC", count)).toThrow(
        expect.objectContaining({ code: "scheduler.invalid_count" }),
      );
    });

    it("rejects an unknown time zone, an invalid rule and an invalid date", () => {
      expect(() => list("FREQ=DAILY", "2026-01-01T08:00:00Z", "Mars/Olympus_Mons", 1)).toThrow(
        expect.objectContaining({ kind: "INVALID", code: "scheduler.unknown_time_zone" }),
      );
      expect(() => list("FREQ=DAILY;BYHOUR=1", "2026-01-01T08:00:00Z", "UTC", 1)).toThrow(
        expect.objectContaining({ code: "scheduler.unsupported_rrule_part" }),
      );
      expect(() => list("FREQ=DAILY", "not a date", "UTC", 1)).toThrow(
        expect.objectContaining({ code: "scheduler.invalid_date" }),
      );
    });
  });
});
