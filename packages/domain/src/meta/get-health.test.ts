import { describe, expect, it } from "vitest";
import { fixedClock } from "../shared/clock.ts";
import { getHealth } from "./get-health.ts";
import { ZHealth } from "./schemas.ts";

describe("getHealth", () => {
  it("reports whole seconds of uptime and the current time", () => {
    const clock = fixedClock("2026-03-01T10:00:42.900Z");
    const health = getHealth({ clock, startedAt: new Date("2026-03-01T10:00:00Z"), version: "1.2.3" });
    expect(health).toEqual({ status: "ok", version: "1.2.3", uptimeSeconds: 42, time: "2026-03-01T10:00:42.900Z" });
    expect(ZHealth.parse(health)).toEqual(health);
  });

  it("never reports negative uptime when the clock is behind the start time", () => {
    const health = getHealth({
      clock: fixedClock("2026-03-01T09:59:00Z"),
      startedAt: new Date("2026-03-01T10:00:00Z"),
      version: "1",
    });
    expect(health.uptimeSeconds).toBe(0);
  });
});
