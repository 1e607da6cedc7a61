import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { listOccurrences } from "../../scheduler/recurrence/index.ts";
import { mapTodoistRecurrence } from "./map-todoist-recurrence.ts";

const BERLIN = "Europe/Berlin";

/** The first `count` occurrences of the mapped rule, as local days ("2027-01-15") or local date-times. */
function firstOccurrences(text: string, date: string, count: number, zone = BERLIN): string[] {
  const mapped = mapTodoistRecurrence({ text, due: { date }, zone });
  if (!mapped.ok) throw new Error(mapped.reason);
  return listOccurrences({ rule: mapped.rrule, start: mapped.dtstart, timeZone: mapped.timeZone, count }).map(
    (instant) => {
      const local = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(mapped.timeZone);
      return mapped.allDay
        ? local.toPlainDate().toString()
        : local.toPlainDateTime().toString({ smallestUnit: "minute" });
    },
  );
}

describe("mapped Todoist rules repeat on the days Todoist would", () => {
  it.each([
    ["every 3rd friday", "2026-12-18", ["2026-12-18", "2027-01-15", "2027-02-19", "2027-03-19"]],
    ["every last friday", "2026-12-25", ["2026-12-25", "2027-01-29", "2027-02-26", "2027-03-26"]],
    ["every last day", "2026-12-31", ["2026-12-31", "2027-01-31", "2027-02-28", "2027-03-31"]],
    ["every 1st and 15th", "2026-12-15", ["2026-12-15", "2027-01-01", "2027-01-15", "2027-02-01"]],
    ["every last workday", "2026-12-31", ["2026-12-31", "2027-01-29", "2027-02-26", "2027-03-31"]],
    ["every 1st workday", "2027-01-01", ["2027-01-01", "2027-02-01", "2027-03-01", "2027-04-01"]],
    ["every 2 weeks on mon, wed", "2026-12-02", ["2026-12-02", "2026-12-14", "2026-12-16", "2026-12-28"]],
    ["every other week on friday", "2026-12-04", ["2026-12-04", "2026-12-18", "2027-01-01", "2027-01-15"]],
    ["every weekday", "2026-12-04", ["2026-12-04", "2026-12-07", "2026-12-08", "2026-12-09"]],
    ["every weekend", "2026-12-05", ["2026-12-05", "2026-12-12", "2026-12-19", "2026-12-26"]],
    ["every other month", "2026-12-02", ["2026-12-02", "2027-02-02", "2027-04-02", "2027-06-02"]],
    ["every jan 1", "2027-01-01", ["2027-01-01", "2028-01-01", "2029-01-01"]],
    ["every feb 29", "2028-02-29", ["2028-02-29", "2032-02-29"]],
    ["every! 3 days", "2026-12-30", ["2026-12-30", "2027-01-02", "2027-01-05"]],
  ])("%j from %s", (text, date, days) => {
    expect(firstOccurrences(text, date, days.length)).toEqual(days);
  });

  it("ends where the string says", () => {
    const forThreeWeeks = firstOccurrences("every day for 3 weeks", "2026-12-02", 30);
    expect(forThreeWeeks).toHaveLength(21);
    expect(forThreeWeeks.at(-1)).toBe("2026-12-22");
    expect(firstOccurrences("every mon until jan 4", "2026-12-07", 10)).toEqual([
      "2026-12-07",
      "2026-12-14",
      "2026-12-21",
      "2026-12-28",
      "2027-01-04",
    ]);
  });

  it("keeps the local time across the spring DST change", () => {
    expect(firstOccurrences("every day at 9am", "2027-03-26", 4)).toEqual([
      "2027-03-26T09:00",
      "2027-03-27T09:00",
      "2027-03-28T09:00",
      "2027-03-29T09:00",
    ]);
    // 02:30 does not exist on 28 March in Berlin: that day's occurrence moves to 03:30.
    expect(firstOccurrences("every day at 2:30am", "2027-03-27", 3)).toEqual([
      "2027-03-27T02:30",
      "2027-03-28T03:30",
      "2027-03-29T02:30",
    ]);
  });

  it("keeps the local time in a zone with a quarter-hour offset", () => {
    const mapped = mapTodoistRecurrence({
      text: "every mon at 9am",
      due: { date: "2026-12-07" },
      zone: "Asia/Kathmandu",
    });
    if (!mapped.ok) throw new Error(mapped.reason);
    expect(listOccurrences({ rule: mapped.rrule, start: mapped.dtstart, timeZone: mapped.timeZone, count: 2 })).toEqual(
      [new Date("2026-12-07T03:15:00Z"), new Date("2026-12-14T03:15:00Z")],
    );
  });
});
