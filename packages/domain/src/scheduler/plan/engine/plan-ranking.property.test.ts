import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EngineTask, PlanScheduleInput } from "./engine-types.ts";
import { planSchedule } from "./plan-schedule.ts";

const MINUTE = 60_000;
const DAY = 86_400_000;
const BASE = Date.parse("2026-06-15T00:00:00Z");

/**
 * Tasks of one deadline class (all undated, or all due at the same instant) and one
 * length, around random windows and busy time: wherever a lower-priority task fits, a
 * higher-priority one fits too, so "unless it does not fit earlier" never applies and the
 * ranking rule must hold exactly.
 */
const arbitraryRankingInput = fc
  .record({
    minutes: fc.integer({ min: 15, max: 180 }),
    priorities: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 16 }),
    orders: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 16, maxLength: 16 }),
    dueDay: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
    windowStartQuarter: fc.integer({ min: 24, max: 48 }),
    windowMinutes: fc.integer({ min: 60, max: 600 }),
    busy: fc.array(
      fc.record({ start: fc.integer({ min: 0, max: 7 * 96 }), quarters: fc.integer({ min: 1, max: 16 }) }),
      {
        maxLength: 10,
      },
    ),
    nowMinutes: fc.integer({ min: 0, max: 1440 }),
    bufferMinutes: fc.constantFrom(0, 10, 25),
    dailyCapMinutes: fc.option(fc.integer({ min: 60, max: 600 }), { nil: null }),
    strategy: fc.constantFrom("spread" as const, "pack" as const),
    timeZone: fc.constantFrom("UTC", "Europe/Berlin", "America/New_York"),
  })
  .map((raw): PlanScheduleInput => {
    const tasks: EngineTask[] = raw.priorities.map((priority, i) => ({
      id: `t${String(i).padStart(2, "0")}`,
      summary: `Task ${i}`,
      minutes: raw.minutes,
      priority,
      order: raw.orders[i] ?? 0,
      createdAt: new Date(Date.UTC(2026, 0, 1)),
      dueAt: raw.dueDay === null ? null : new Date(BASE + raw.dueDay * DAY + 18 * 60 * MINUTE),
      plannerId: null,
    }));
    return {
      tasks,
      planners: [{ id: "work", name: "Work", active: true }],
      windows: Array.from({ length: 8 }, (_, day) => {
        const start = BASE + day * DAY + raw.windowStartQuarter * 15 * MINUTE;
        return { plannerId: "work", start: new Date(start), end: new Date(start + raw.windowMinutes * MINUTE) };
      }),
      busy: raw.busy.map((b) => ({
        start: new Date(BASE + b.start * 15 * MINUTE),
        end: new Date(BASE + (b.start + b.quarters) * 15 * MINUTE),
      })),
      now: new Date(BASE + raw.nowMinutes * MINUTE),
      options: {
        horizonDays: 7,
        bufferMinutes: raw.bufferMinutes,
        dailyCapMinutes: raw.dailyCapMinutes,
        split: { enabled: false, minChunkMinutes: 30 },
        strategy: raw.strategy,
        makeRoom: true,
        timeZone: raw.timeZone,
      },
    };
  });

describe("planSchedule ranking property", () => {
  it("never lands a higher-priority task after (or instead of) a lower one of the same deadline class", () => {
    fc.assert(
      fc.property(arbitraryRankingInput, (input) => {
        const result = planSchedule(input);
        const startOf = new Map(result.placements.map((p) => [p.taskId, p.start.getTime()]));
        for (const high of input.tasks) {
          for (const low of input.tasks) {
            if (high.priority <= low.priority) continue;
            const lowStart = startOf.get(low.id);
            if (lowStart === undefined) continue;
            const highStart = startOf.get(high.id);
            // The higher one fitted wherever the lower one did, so it is placed, and earlier.
            expect(highStart).toBeDefined();
            expect(highStart ?? Number.POSITIVE_INFINITY).toBeLessThan(lowStart);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
