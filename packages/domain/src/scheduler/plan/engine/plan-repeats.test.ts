import { describe, expect, it } from "vitest";
import type { EngineTask, EngineWindow, PlanScheduleResult } from "./engine-types.ts";
import { planSchedule } from "./plan-schedule.ts";
import { type PlanOptions, ZPlanOptions } from "./schemas.ts";

// Monday 2 March 2026.
const at = (day: number, time: string) => new Date(`2026-03-0${day}T${time}:00Z`);
const WORK = { id: "work", name: "Work hours", active: true };

function task(id: string, overrides: Partial<EngineTask> = {}): EngineTask {
  return {
    id,
    summary: `Task ${id}`,
    minutes: 30,
    priority: 0,
    order: 0,
    createdAt: new Date("2026-01-01T00:00:00Z"),
    dueAt: null,
    plannerId: null,
    ...overrides,
  };
}

/** Work hours 09:00-17:00 on each of the given days of March. */
const workDays = (...days: number[]): EngineWindow[] =>
  days.map((day) => ({ plannerId: "work", start: at(day, "09:00"), end: at(day, "17:00") }));

function plan(
  tasks: EngineTask[],
  { windows = workDays(2, 3, 4, 5, 6, 7, 8), now = at(2, "08:00"), options = {} as Partial<PlanOptions> } = {},
): PlanScheduleResult {
  return planSchedule({
    tasks,
    planners: [WORK],
    windows,
    busy: [],
    now,
    options: { ...ZPlanOptions.parse({}), timeZone: "UTC", horizonDays: 7, ...options },
  });
}

/** "taskId[#occurrence] day start-end" per block. */
const blocks = (result: PlanScheduleResult) =>
  result.placements.map(
    (p) =>
      `${p.taskId}${p.occurrence ? `#${p.occurrence.index}` : ""} ${p.start.toISOString().slice(8, 16)}-${p.end.toISOString().slice(11, 16)}`,
  );

const daily = (overrides: Partial<EngineTask> = {}) =>
  task("water", {
    summary: "Water plants",
    dueAt: at(2, "23:59"),
    repeat: { rule: "FREQ=DAILY", occurrenceIndex: 1 },
    ...overrides,
  });

describe("planSchedule with repeating tasks", () => {
  it("plans one block per occurrence of a daily task inside the horizon, each on its own day", () => {
    const result = plan([daily()], { options: { horizonDays: 4 } });
    expect(blocks(result)).toEqual([
      "water 02T09:00-09:30",
      "water#2 03T09:00-09:30",
      "water#3 04T09:00-09:30",
      "water#4 05T09:00-09:30",
    ]);
    expect(result.unplaced).toEqual([]);
    // Each later occurrence carries its own deadline and says which one it is.
    const third = result.placements[2];
    expect(third?.occurrence).toEqual({ index: 3, dueAt: at(4, "23:59") });
    expect(third?.explanation).toMatch(/^Repeats: the Wed 4 Mar occurrence; .*before deadline Wed 4 Mar$/);
    expect(result.placements[0]?.occurrence).toBeUndefined();
  });

  it("places a weekly task's occurrences on their weekdays, not on the first free day", () => {
    const weekly = task("review", {
      dueAt: at(3, "17:00"),
      repeat: { rule: "FREQ=WEEKLY;BYDAY=TU,TH", occurrenceIndex: 5 },
    });
    expect(blocks(plan([weekly]))).toEqual(["review 03T09:00-09:30", "review#6 05T09:00-09:30"]);
  });

  it("keeps an occurrence within its day even when that day is full, and says why it is left out", () => {
    const busyDay = task("meeting", { minutes: 480, dueAt: at(3, "17:00"), priority: 5 });
    const result = plan([daily({ minutes: 60 }), busyDay], { options: { horizonDays: 3, bufferMinutes: 0 } });
    expect(blocks(result)).toEqual(["water 02T09:00-10:00", "meeting 03T09:00-17:00", "water#3 04T09:00-10:00"]);
    expect(result.unplaced).toEqual([
      {
        taskId: "water",
        reason: "deadline_unreachable",
        explanation: "Repeats: the Tue 3 Mar occurrence; needs 60 min; no free slot before deadline Tue 3 Mar 23:59",
        occurrence: { index: 2, dueAt: at(3, "23:59") },
      },
    ]);
  });

  it("moves the task's startAfter along with each occurrence", () => {
    const result = plan([daily({ startAfter: at(2, "14:00") })], { options: { horizonDays: 2 } });
    expect(blocks(result)).toEqual(["water 02T14:00-14:30", "water#2 03T14:00-14:30"]);
  });

  it("stops at COUNT (counted from the series' first occurrence) and skips occurrences already planned", () => {
    const result = plan([daily({ repeat: { rule: "FREQ=DAILY;COUNT=5", occurrenceIndex: 2, planned: [3] } })]);
    expect(blocks(result)).toEqual(["water 02T09:00-09:30", "water#4 04T09:00-09:30", "water#5 05T09:00-09:30"]);
  });

  it("plans only the later occurrences of a task that already has its time (laterOnly)", () => {
    const result = plan([daily({ repeat: { rule: "FREQ=DAILY", occurrenceIndex: 1, laterOnly: true } })], {
      options: { horizonDays: 3 },
    });
    expect(blocks(result)).toEqual(["water#2 03T09:00-09:30", "water#3 04T09:00-09:30"]);
  });

  it("plans the current occurrence on its own day, not earlier", () => {
    const result = plan([daily({ dueAt: at(4, "12:00") })], { options: { horizonDays: 3 } });
    expect(blocks(result)).toEqual(["water 04T09:00-09:30"]);
  });

  it("never splits a later occurrence, though the task itself may be split", () => {
    // Two 60-minute gaps a day around a meeting: 120 minutes fit only in parts.
    const windows = [2, 3].flatMap((day) => [
      { plannerId: "work", start: at(day, "09:00"), end: at(day, "10:00") },
      { plannerId: "work", start: at(day, "11:00"), end: at(day, "12:00") },
    ]);
    const result = plan([daily({ minutes: 120 })], {
      windows,
      options: { horizonDays: 2, bufferMinutes: 0, split: { enabled: true, minChunkMinutes: 30 } },
    });
    expect(blocks(result)).toEqual(["water 02T09:00-10:00", "water 02T11:00-12:00"]);
    expect(result.unplaced.map((u) => [u.taskId, u.occurrence?.index, u.reason])).toEqual([
      ["water", 2, "no_window_long_enough"],
    ]);
  });

  it("leaves a task without a due date or without `repeat` as one task", () => {
    const result = plan([task("plain", { dueAt: at(3, "17:00") }), daily({ dueAt: null })], {
      options: { horizonDays: 3 },
    });
    expect(result.placements.map((p) => p.taskId).sort()).toEqual(["plain", "water"]);
    expect(result.placements.every((p) => p.occurrence === undefined)).toBe(true);
  });
});
