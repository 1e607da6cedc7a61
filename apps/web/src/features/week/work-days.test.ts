import { describe, expect, it } from "vitest";
import type { AgendaEntry, PlannerWindow } from "./week-types.ts";
import { daysWithWork, openingDay } from "./work-days.ts";

const ZONE = "Asia/Kathmandu"; // +05:45: a day boundary that is not on a whole UTC hour

function window(start: string, end: string): PlannerWindow {
  return { plannerId: "p", start: new Date(start), end: new Date(end) } as PlannerWindow;
}

function entry(start: string, completed = false): AgendaEntry {
  return { taskId: "t", start: new Date(start), end: new Date(start), completed } as AgendaEntry;
}

describe("openingDay", () => {
  // Tuesday 1 Dec 2026, 18:00 in Kathmandu.
  const now = new Date("2026-12-01T12:15:00Z");

  it("skips today when its working hours are over", () => {
    const windows = [
      window("2026-12-01T03:15:00Z", "2026-12-01T11:15:00Z"), // Tue 09:00-17:00
      window("2026-12-02T03:15:00Z", "2026-12-02T11:15:00Z"), // Wed 09:00-17:00
    ];
    expect(openingDay(windows, now, ZONE)).toBe("2026-12-02");
  });

  it("stays on today while its hours are still going, and past a weekend to Monday", () => {
    expect(openingDay([window("2026-12-01T11:15:00Z", "2026-12-01T13:15:00Z")], now, ZONE)).toBe("2026-12-01");
    // Friday 18:00: the next window is Monday.
    const friday = new Date("2026-12-04T12:15:00Z");
    expect(openingDay([window("2026-12-07T03:15:00Z", "2026-12-07T11:15:00Z")], friday, ZONE)).toBe("2026-12-07");
  });

  it("is today without any working hours", () => {
    expect(openingDay([], now, ZONE)).toBe("2026-12-01");
  });
});

describe("daysWithWork", () => {
  it("lists the local days with open tasks, not done ones", () => {
    const entries = [
      entry("2026-12-01T18:30:00Z"), // Wed 00:15 in Kathmandu
      entry("2026-12-03T05:00:00Z", true),
    ];
    expect([...daysWithWork(entries, ZONE)]).toEqual(["2026-12-02"]);
  });
});
