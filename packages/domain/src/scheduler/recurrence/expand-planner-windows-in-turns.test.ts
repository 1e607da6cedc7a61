import { describe, expect, it } from "vitest";
import { expandPlannerWindows, type PlannerSpec } from "./expand-planner-windows.ts";
import { expandPlannerWindowsInTurns } from "./expand-planner-windows-in-turns.ts";

const base: PlannerSpec = {
  id: "p0",
  recurrence: "FREQ=DAILY",
  startDate: "2026-01-01",
  startTime: "09:00",
  minutes: 60,
  timeZone: "Europe/Berlin",
  active: true,
};
const planners: PlannerSpec[] = [
  base,
  { ...base, id: "p1", recurrence: "FREQ=WEEKLY;BYDAY=MO,WE", timeZone: "Asia/Kathmandu", startTime: "07:30" },
  { ...base, id: "p2", timeZone: "America/New_York", startTime: "03:00", minutes: 600 },
  { ...base, id: "p3", active: false },
];
const range = { from: new Date("2026-03-20T00:00:00Z"), to: new Date("2026-04-10T00:00:00Z") };

describe("expandPlannerWindowsInTurns", () => {
  it("gives exactly what expandPlannerWindows gives, in the same order", async () => {
    await expect(expandPlannerWindowsInTurns({ planners, ...range })).resolves.toEqual(
      expandPlannerWindows({ planners, ...range }),
    );
  });

  it("lets other work run between planners", async () => {
    const order: string[] = [];
    const expanding = expandPlannerWindowsInTurns({ planners, ...range }).then(() => order.push("expanded"));
    setImmediate(() => order.push("other request"));
    await expanding;
    expect(order).toEqual(["other request", "expanded"]);
  });

  it("checks the range even without planners", async () => {
    await expect(expandPlannerWindowsInTurns({ planners: [], from: range.to, to: range.from })).rejects.toMatchObject({
      code: "scheduler.invalid_window_range",
    });
  });
});
