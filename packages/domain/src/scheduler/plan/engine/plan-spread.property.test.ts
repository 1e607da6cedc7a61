import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EngineTask, PlanScheduleInput } from "./engine-types.ts";
import { planSchedule } from "./plan-schedule.ts";

const MINUTE = 60_000;
const DAY = 86_400_000;
const BASE = Date.parse("2026-06-15T00:00:00Z");
const DAYS = 7;

/**
 * Undated tasks and one window a day (its hours vary from day to day, some days have
 * none), in UTC so a day is [00:00, 24:00) of the test's own clock.
 */
const arbitrarySpreadInput = fc
  .record({
    windows: fc.array(
      fc.option(fc.record({ startHour: fc.integer({ min: 6, max: 12 }), hours: fc.integer({ min: 4, max: 10 }) }), {
        nil: null,
        freq: 5,
      }),
      { minLength: DAYS, maxLength: DAYS },
    ),
    tasks: fc.array(
      fc.record({ minutes: fc.integer({ min: 15, max: 120 }), priority: fc.integer({ min: 0, max: 5 }) }),
      { minLength: 1, maxLength: 14 },
    ),
    nowMinutes: fc.integer({ min: 0, max: 1440 }),
    bufferMinutes: fc.constantFrom(0, 5, 10),
  })
  .map((raw): PlanScheduleInput => {
    const tasks: EngineTask[] = raw.tasks.map((t, i) => ({
      id: `t${String(i).padStart(2, "0")}`,
      summary: `Task ${i}`,
      minutes: t.minutes,
      priority: t.priority,
      order: i,
      createdAt: new Date(Date.UTC(2026, 0, 1)),
      dueAt: null,
      plannerId: null,
    }));
    return {
      tasks,
      planners: [{ id: "work", name: "Work", active: true }],
      windows: raw.windows.flatMap((window, day) => {
        if (window === null) return [];
        const start = BASE + day * DAY + window.startHour * 60 * MINUTE;
        return [{ plannerId: "work", start: new Date(start), end: new Date(start + window.hours * 60 * MINUTE) }];
      }),
      busy: [],
      now: new Date(BASE + raw.nowMinutes * MINUTE),
      options: {
        horizonDays: DAYS,
        bufferMinutes: raw.bufferMinutes,
        dailyCapMinutes: null,
        split: { enabled: false, minChunkMinutes: 30 },
        strategy: "spread",
        makeRoom: true,
        timeZone: "UTC",
      },
    };
  });

/** The level T at which the days' free minutes, each cut at T, add up to `total`. */
function share(capacities: number[], total: number): number {
  const sorted = [...capacities].sort((a, b) => a - b);
  let left = total;
  let days = sorted.length;
  for (const capacity of sorted) {
    if (capacity * days > left) return left / days;
    left -= capacity;
    days--;
  }
  return Number.POSITIVE_INFINITY;
}

describe("planSchedule spread property", () => {
  it("with room to spare, places every task and fills no day past its share by more than one block (minutes minus its longest block stay under the share)", () => {
    fc.assert(
      fc.property(arbitrarySpreadInput, (input) => {
        const result = planSchedule(input);
        const nowMs = input.now.getTime();
        const capacities = Array.from({ length: DAYS + 1 }, (_, day) =>
          input.windows
            .filter((w) => Math.floor((w.start.getTime() - BASE) / DAY) === day)
            .reduce((sum, w) => sum + Math.max(0, w.end.getTime() - Math.max(w.start.getTime(), nowMs)) / MINUTE, 0),
        );
        const total = input.tasks.reduce((sum, task) => sum + task.minutes, 0);
        const target = share(capacities, total);
        const load = new Map<number, { minutes: number; longest: number }>();
        for (const placement of result.placements) {
          const day = Math.floor((placement.start.getTime() - BASE) / DAY);
          const minutes = (placement.end.getTime() - placement.start.getTime()) / MINUTE;
          const current = load.get(day) ?? { minutes: 0, longest: 0 };
          load.set(day, { minutes: current.minutes + minutes, longest: Math.max(current.longest, minutes) });
        }
        // The rule holds when the horizon has at least twice the room the tasks need
        // (buffers included): tighter, spread falls back to earlier free time rather than
        // leave a task out, and a day may take more than its share.
        const needed = total + input.tasks.length * input.options.bufferMinutes;
        fc.pre(2 * needed <= capacities.reduce((sum, minutes) => sum + minutes, 0));
        for (const { minutes, longest } of load.values()) expect(minutes - longest).toBeLessThan(target + 1e-9);
        // Spreading never costs a task its place.
        expect(result.unplaced).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
