import { describe, expect, it } from "vitest";
import {
  daysOfWeek,
  formatWeekRange,
  planInputForWeek,
  shiftWeek,
  weekContaining,
  weekFromParam,
} from "./week-range.ts";

const BERLIN = "Europe/Berlin";
const NO_SPLIT = { enabled: false, minChunkMinutes: 30 };

describe("weeks in the person's zone", () => {
  it("runs from Monday midnight to the next Monday midnight in the person's zone, not the machine's", () => {
    // Sunday 23:30 in Berlin is still the week of Monday 1 June.
    const week = weekContaining(new Date("2026-06-07T21:30:00Z"), BERLIN);
    expect(week.from.toISOString()).toBe("2026-05-31T22:00:00.000Z");
    expect(week.to.toISOString()).toBe("2026-06-07T22:00:00.000Z");
    expect(daysOfWeek(week, BERLIN)).toEqual([
      "2026-06-01",
      "2026-06-02",
      "2026-06-03",
      "2026-06-04",
      "2026-06-05",
      "2026-06-06",
      "2026-06-07",
    ]);
  });

  it("steps across a DST change and still starts at midnight", () => {
    const week = weekContaining(new Date("2026-03-25T12:00:00Z"), BERLIN);
    const next = shiftWeek(week, 1, BERLIN);
    expect(next.from.toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(next.to.getTime() - next.from.getTime()).toBe(7 * 24 * 3600_000);
    // The week of the change itself is an hour short.
    expect(week.to.getTime() - week.from.getTime()).toBe(7 * 24 * 3600_000 - 3600_000);
    expect(shiftWeek(next, -1, BERLIN)).toEqual(week);
  });

  it("reads the week from the address, falling back to the current one", () => {
    const now = new Date("2026-06-03T12:00:00Z");
    const current = weekContaining(now, BERLIN);
    expect(weekFromParam("2026-06-10", now, BERLIN)).toEqual(shiftWeek(current, 1, BERLIN));
    expect(weekFromParam(null, now, BERLIN)).toEqual(current);
    expect(weekFromParam("not-a-date", now, BERLIN)).toEqual(current);
  });

  it("names the week from Monday to Sunday, with month and year only where they change", () => {
    const at = (iso: string) => weekContaining(new Date(iso), BERLIN);
    expect(formatWeekRange(at("2026-06-03T12:00:00Z"), BERLIN)).toBe("1 – 7 Jun 2026");
    expect(formatWeekRange(at("2026-07-01T12:00:00Z"), BERLIN)).toBe("29 Jun – 5 Jul 2026");
    expect(formatWeekRange(at("2025-12-31T12:00:00Z"), BERLIN)).toBe("29 Dec 2025 – 4 Jan 2026");
  });
});

describe("planInputForWeek", () => {
  const week = weekContaining(new Date("2026-06-03T12:00:00Z"), BERLIN);

  it("plans a future week from its Monday, for its seven days", () => {
    const input = planInputForWeek(week, new Date("2026-05-28T10:00:00Z"), BERLIN, NO_SPLIT);
    expect(input).toEqual({
      from: week.from,
      horizonDays: 7,
      options: { dailyCapMinutes: null, split: NO_SPLIT },
    });
  });

  it("plans the current week from now to its end, counting a started day as a whole one", () => {
    // Wednesday 14:00 in Berlin: the rest of Wednesday plus Thursday to Sunday.
    const input = planInputForWeek(week, new Date("2026-06-03T12:00:00Z"), BERLIN, NO_SPLIT);
    expect(input).not.toHaveProperty("from");
    expect(input?.horizonDays).toBe(5);
    expect(planInputForWeek(week, new Date("2026-06-07T21:00:00Z"), BERLIN, NO_SPLIT)?.horizonDays).toBe(1);
  });

  it("has nothing to plan in a week that is over", () => {
    expect(planInputForWeek(week, week.to, BERLIN, NO_SPLIT)).toBeNull();
  });
});
