import { describe, expect, it } from "vitest";
import type { EngineTask, EngineWindow, PlanScheduleResult } from "./engine-types.ts";
import { planSchedule } from "./plan-schedule.ts";
import { type PlanOptions, ZPlanOptions } from "./schemas.ts";

// Monday 2 March 2026, UTC.
const MONDAY = "2026-03-02";
const TUESDAY = "2026-03-03";
const at = (time: string, day = MONDAY) => new Date(`${day}T${time}:00Z`);

function task(id: string, overrides: Partial<EngineTask> = {}): EngineTask {
  return {
    id,
    summary: `Task ${id}`,
    minutes: 60,
    priority: 0,
    order: 0,
    createdAt: new Date("2026-01-01T00:00:00Z"),
    dueAt: null,
    plannerId: null,
    ...overrides,
  };
}

const workDay = (day: string): EngineWindow => ({ plannerId: "work", start: at("09:00", day), end: at("17:00", day) });

function plan(tasks: EngineTask[], options: Partial<PlanOptions> = {}): PlanScheduleResult {
  return planSchedule({
    tasks,
    planners: [{ id: "work", name: "Work hours", active: true }],
    windows: [workDay(MONDAY), workDay(TUESDAY)],
    busy: [],
    now: at("08:00"),
    options: { ...ZPlanOptions.parse({}), bufferMinutes: 0, strategy: "pack", timeZone: "UTC", ...options },
  });
}

const blocks = (result: PlanScheduleResult) =>
  result.placements.map(
    (p) => `${p.taskId} ${p.start.toISOString().slice(5, 16)}-${p.end.toISOString().slice(11, 16)}`,
  );

describe("planSchedule with startAfter", () => {
  it("starts a task no earlier than its startAfter, inside a window that began before it", () => {
    const result = plan([task("later", { startAfter: at("11:30"), priority: 5 }), task("any")]);
    expect(blocks(result)).toEqual(["any 03-02T09:00-10:00", "later 03-02T11:30-12:30"]);
  });

  it("treats a startAfter in the past as no restriction", () => {
    const result = plan([task("old", { startAfter: at("12:00", "2026-02-01") })]);
    expect(blocks(result)).toEqual(["old 03-02T09:00-10:00"]);
  });

  it("moves past a startAfter that falls between windows to the next window", () => {
    const result = plan([task("evening", { startAfter: at("18:00") })]);
    expect(blocks(result)).toEqual(["evening 03-03T09:00-10:00"]);
  });

  it("keeps a higher-ranked task after its startAfter when spread hands out slots in rank order", () => {
    const result = plan([task("tuesday", { startAfter: at("09:00", TUESDAY), priority: 5 }), task("free")], {
      strategy: "spread",
      horizonDays: 2,
    });
    expect(blocks(result)).toEqual(["free 03-02T09:00-10:00", "tuesday 03-03T09:00-10:00"]);
  });

  it("never places a part of a split task before startAfter", () => {
    const result = planSchedule({
      tasks: [task("long", { minutes: 240, startAfter: at("15:00") })],
      planners: [{ id: "work", name: "Work hours", active: true }],
      // Four hours fit whole in neither Monday after 15:00 nor the short Tuesday.
      windows: [workDay(MONDAY), { plannerId: "work", start: at("09:00", TUESDAY), end: at("12:00", TUESDAY) }],
      busy: [],
      now: at("08:00"),
      options: {
        ...ZPlanOptions.parse({}),
        bufferMinutes: 0,
        strategy: "pack",
        timeZone: "UTC",
        split: { enabled: true, minChunkMinutes: 30 },
      },
    });
    expect(blocks(result)).toEqual(["long 03-02T15:00-17:00", "long 03-03T09:00-11:00"]);
  });

  it("leaves out a task whose startAfter is past the horizon, and says so", () => {
    const result = plan([task("next-month", { startAfter: at("09:00", "2026-04-01") })], { horizonDays: 14 });
    expect(result.placements).toEqual([]);
    expect(result.unplaced).toEqual([
      {
        taskId: "next-month",
        reason: "starts_after_horizon",
        explanation: "starts after Wed 1 Apr 09:00, beyond the next 14 days; plan again closer to then",
      },
    ]);
  });

  it("misses the deadline when startAfter leaves too little time before it", () => {
    const result = plan([task("tight", { startAfter: at("16:30"), dueAt: at("17:00") })]);
    expect(result.unplaced.map((u) => u.reason)).toEqual(["deadline_unreachable"]);
  });
});
