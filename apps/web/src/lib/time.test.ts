import { describe, expect, it } from "vitest";
import {
  endOfDayFromDateInput,
  formatDateTime,
  formatMinutes,
  fromDateTimeInputValue,
  startOfWeek,
  toDateTimeInputValue,
} from "./time.ts";

describe("times in the person's zone", () => {
  it("shows and reads datetime inputs in the person's zone, not the machine's", () => {
    const instant = new Date("2026-03-03T08:30:00Z");
    expect(toDateTimeInputValue(instant, "Europe/Berlin")).toBe("2026-03-03T09:30");
    expect(fromDateTimeInputValue("2026-03-03T09:30", "Europe/Berlin")?.toISOString()).toBe(instant.toISOString());
    expect(formatDateTime(instant, "America/New_York")).toBe("Tue 3 Mar, 03:30");
    expect(fromDateTimeInputValue("", "Europe/Berlin")).toBeNull();
  });

  it("takes a deadline date as the end of that day and a week as starting on Monday", () => {
    expect(endOfDayFromDateInput("2026-03-03", "Europe/Berlin")?.toISOString()).toBe("2026-03-03T22:59:59.999Z");
    expect(startOfWeek(new Date("2026-03-05T12:00:00Z"), "Europe/Berlin").toISOString()).toBe(
      "2026-03-01T23:00:00.000Z",
    );
  });

  it("writes durations the way people say them", () => {
    expect(formatMinutes(45)).toBe("45 min");
    expect(formatMinutes(120)).toBe("2 h");
    expect(formatMinutes(90)).toBe("1 h 30 min");
  });
});
