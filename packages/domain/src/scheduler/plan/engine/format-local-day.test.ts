import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatLocalDay } from "./format-local-day.ts";

const ZONES = ["UTC", "Asia/Kathmandu", "Europe/Berlin", "America/New_York", "Pacific/Chatham"];

describe("formatLocalDay", () => {
  it("writes the day in the given zone, not the machine's", () => {
    // 20:00 UTC on Friday 6 March is already Saturday in Kathmandu (UTC+05:45).
    const instant = Date.UTC(2026, 2, 6, 20, 0);
    expect(formatLocalDay(instant, "UTC")).toBe("Fri 6 Mar");
    expect(formatLocalDay(instant, "Asia/Kathmandu")).toBe("Sat 7 Mar");
    expect(formatLocalDay(instant, "Asia/Kathmandu", true)).toBe("Sat 7 Mar 01:45");
  });

  // Recent CLDR data abbreviates September as "Sept" in en-GB while older data says "Sep";
  // the engine keeps "Sep" so explanations do not change with the Node build.
  it("agrees with Intl's en-GB short day, apart from September's spelling", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) }),
        (zone, ms) => {
          const intl = new Intl.DateTimeFormat("en-GB", {
            weekday: "short",
            day: "numeric",
            month: "short",
            timeZone: zone,
          });
          expect(formatLocalDay(ms, zone)).toBe(intl.format(ms).replace("Sept", "Sep"));
        },
      ),
      { numRuns: 300 },
    );
  });
});
