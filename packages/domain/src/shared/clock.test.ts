import { describe, expect, it } from "vitest";
import { clockStartingAt, fixedClock } from "./clock.ts";

describe("clockStartingAt", () => {
  it("reads the start when made, then runs forward as real time does", () => {
    const real = fixedClock("2026-12-02T09:53:00Z");
    const clock = clockStartingAt(new Date("2026-12-07T07:30:00Z"), real);
    expect(clock.now().toISOString()).toBe("2026-12-07T07:30:00.000Z");
    real.advance(90_000);
    expect(clock.now().toISOString()).toBe("2026-12-07T07:31:30.000Z");
  });
});
