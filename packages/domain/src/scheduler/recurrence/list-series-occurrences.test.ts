import { describe, expect, it } from "vitest";
import { listSeriesOccurrences } from "./list-series-occurrences.ts";

const days = (list: { index: number; at: Date }[]) => list.map(({ index, at }) => `${index} ${at.toISOString()}`);

describe("listSeriesOccurrences", () => {
  it("lists the occurrences after the current one, numbered from it, before the bound", () => {
    const list = listSeriesOccurrences({
      rule: "FREQ=DAILY",
      current: new Date("2026-03-02T16:59:00Z"),
      occurrenceIndex: 4,
      timeZone: "Europe/Berlin",
      before: new Date("2026-03-05T00:00:00Z"),
      limit: 50,
    });
    expect(days(list)).toEqual(["5 2026-03-03T16:59:00.000Z", "6 2026-03-04T16:59:00.000Z"]);
  });

  it("keeps the local time across a DST change and skips EXDATEs", () => {
    const list = listSeriesOccurrences({
      rule: "RRULE:FREQ=DAILY\nEXDATE:20260328T170000Z",
      current: new Date("2026-03-27T17:00:00Z"),
      occurrenceIndex: 1,
      timeZone: "Europe/Berlin",
      before: new Date("2026-03-31T00:00:00Z"),
      limit: 50,
    });
    // 18:00 in Berlin: 17:00Z before the change on 29 March, 16:00Z after it. An excluded
    // day is no occurrence, so it takes no position (as completing the series counts them).
    expect(days(list)).toEqual(["2 2026-03-29T16:00:00.000Z", "3 2026-03-30T16:00:00.000Z"]);
  });

  it("counts COUNT from the series' first occurrence, not from the current one", () => {
    const list = listSeriesOccurrences({
      rule: "FREQ=DAILY;COUNT=5",
      current: new Date("2026-03-02T12:00:00Z"),
      occurrenceIndex: 3,
      timeZone: "UTC",
      before: new Date("2026-04-01T00:00:00Z"),
      limit: 50,
    });
    expect(days(list)).toEqual(["4 2026-03-03T12:00:00.000Z", "5 2026-03-04T12:00:00.000Z"]);
  });

  it("honours UNTIL and the limit", () => {
    const base = { current: new Date("2026-03-02T12:00:00Z"), occurrenceIndex: 1, timeZone: "UTC" };
    const until = listSeriesOccurrences({
      ...base,
      rule: "FREQ=WEEKLY;UNTIL=20260316T120000Z",
      before: new Date("2026-06-01T00:00:00Z"),
      limit: 50,
    });
    expect(days(until)).toEqual(["2 2026-03-09T12:00:00.000Z", "3 2026-03-16T12:00:00.000Z"]);
    const limited = listSeriesOccurrences({
      ...base,
      rule: "FREQ=DAILY",
      before: new Date("2026-06-01T00:00:00Z"),
      limit: 2,
    });
    expect(limited).toHaveLength(2);
  });
});
