import { describe, expect, it } from "vitest";
import { listLocalDays } from "./local-days.ts";

describe("listLocalDays", () => {
  it("starts with the local day that holds the instant, in a zone with a non-whole-hour offset", () => {
    // 20:00Z on 31 May is 01:45 on 1 June in Kathmandu (UTC+05:45).
    const days = listLocalDays({ at: new Date("2026-05-31T20:00:00Z"), count: 2, timeZone: "Asia/Kathmandu" });
    expect(days).toEqual([
      { date: "2026-06-01", start: new Date("2026-05-31T18:15:00Z"), end: new Date("2026-06-01T18:15:00Z") },
      { date: "2026-06-02", start: new Date("2026-06-01T18:15:00Z"), end: new Date("2026-06-02T18:15:00Z") },
    ]);
  });

  it("gives the day clocks go back 25 hours and the next one 24", () => {
    const [changeDay, after] = listLocalDays({
      at: new Date("2026-10-25T10:00:00Z"),
      count: 2,
      timeZone: "Europe/Berlin",
    });
    expect(changeDay).toEqual({
      date: "2026-10-25",
      start: new Date("2026-10-24T22:00:00Z"),
      end: new Date("2026-10-25T23:00:00Z"),
    });
    expect(after?.end.getTime()).toBe(new Date("2026-10-26T23:00:00Z").getTime());
  });
});
