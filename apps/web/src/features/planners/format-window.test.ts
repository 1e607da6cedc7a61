import { describe, expect, it } from "vitest";
import { formatDailyHours, formatWindow } from "./format-window.ts";

describe("formatWindow", () => {
  it("shows a window within one day in the zone, a non-whole-hour offset included", () => {
    const start = new Date("2026-03-02T03:15:00Z");
    const end = new Date("2026-03-02T11:15:00Z");
    expect(formatWindow(start, end, "Asia/Kathmandu")).toBe("Mon 2 Mar 09:00–17:00");
  });

  it("names both days when the window runs past midnight", () => {
    const start = new Date("2026-03-02T21:00:00Z");
    const end = new Date("2026-03-03T01:00:00Z");
    expect(formatWindow(start, end, "Europe/Berlin")).toBe("Mon 2 Mar 22:00 – Tue 3 Mar 02:00");
  });
});

describe("formatDailyHours", () => {
  it("gives the daily hours and length", () => {
    expect(formatDailyHours("09:00", 480)).toBe("09:00–17:00 (8 h)");
    expect(formatDailyHours("22:00", 240)).toBe("22:00–02:00 next day (4 h)");
    expect(formatDailyHours("00:00", 1440)).toBe("00:00–00:00 next day (24 h)");
  });
});
