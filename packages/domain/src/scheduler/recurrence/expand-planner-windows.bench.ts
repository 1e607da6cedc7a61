import { bench, describe } from "vitest";
import { expandPlannerWindows, type PlannerSpec } from "./expand-planner-windows.ts";

const daily: PlannerSpec = {
  id: "daily",
  recurrence: "FREQ=DAILY",
  startDate: "2020-01-01",
  startTime: "09:00",
  minutes: 480,
  timeZone: "Europe/Berlin",
  active: true,
};
const weekdays: PlannerSpec = { ...daily, id: "weekdays", recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" };
const year = { from: new Date("2026-01-01T00:00:00Z"), to: new Date("2027-01-01T00:00:00Z") };

describe("expandPlannerWindows", () => {
  bench("a year of a daily planner (Europe/Berlin)", () => {
    expandPlannerWindows({ planners: [daily], ...year });
  });
  bench("a year of a weekday planner (Europe/Berlin)", () => {
    expandPlannerWindows({ planners: [weekdays], ...year });
  });
  bench("a week of 20 planners", () => {
    const planners = Array.from({ length: 20 }, (_, i) => ({
      ...daily,
      id: `p${i}`,
      timeZone: i % 2 ? "America/New_York" : "Asia/Kathmandu",
    }));
    expandPlannerWindows({ planners, from: year.from, to: new Date("2026-01-08T00:00:00Z") });
  });
});
