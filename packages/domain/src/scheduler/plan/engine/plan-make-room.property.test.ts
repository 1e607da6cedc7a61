import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EngineTask, MovableBlock, PlanScheduleInput } from "./engine-types.ts";
import { planSchedule } from "./plan-schedule.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 86_400_000;
// Monday 15 June 2026; five working days of 09:00-17:00 UTC.
const BASE = Date.parse("2026-06-15T00:00:00Z");
const HOURS = Array.from({ length: 5 * 8 }, (_, i) => BASE + Math.floor(i / 8) * DAY + (9 + (i % 8)) * HOUR);

const engineTask = (id: string, fields: Partial<EngineTask>): EngineTask => ({
  id,
  summary: `Task ${id}`,
  minutes: 60,
  priority: 0,
  order: 0,
  createdAt: new Date(Date.UTC(2026, 0, 1)),
  dueAt: null,
  plannerId: null,
  ...fields,
});

/** A week already partly planned (hour blocks, some with deadlines) and new tasks, some urgent. */
const arbitraryInput = fc
  .record({
    movable: fc.uniqueArray(
      fc.record({
        hour: fc.integer({ min: 0, max: HOURS.length - 1 }),
        priority: fc.integer({ min: 0, max: 5 }),
        dated: fc.boolean(),
      }),
      { selector: (block) => block.hour, maxLength: 30 },
    ),
    tasks: fc.array(
      fc.record({
        minutes: fc.integer({ min: 30, max: 300 }),
        priority: fc.integer({ min: 0, max: 5 }),
        dueHour: fc.option(fc.integer({ min: 0, max: HOURS.length - 1 }), { nil: null }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    strategy: fc.constantFrom("spread" as const, "pack" as const),
    bufferMinutes: fc.constantFrom(0, 10),
  })
  .map((raw): PlanScheduleInput => {
    const movable: MovableBlock[] = raw.movable.map((block, i) => {
      const start = HOURS[block.hour] ?? BASE;
      return {
        task: engineTask(`m${i}`, {
          priority: block.priority,
          dueAt: block.dated ? new Date(BASE + 6 * DAY) : null,
        }),
        // Ten minutes shorter than the hour, so neighbours keep a 10-minute buffer apart.
        start: new Date(start),
        end: new Date(start + 50 * MINUTE),
      };
    });
    for (const block of movable) block.task.minutes = 50;
    return {
      tasks: raw.tasks.map((t, i) =>
        engineTask(`t${i}`, {
          minutes: t.minutes,
          priority: t.priority,
          dueAt: t.dueHour === null ? null : new Date((HOURS[t.dueHour] ?? BASE) + HOUR),
        }),
      ),
      movable,
      planners: [{ id: "work", name: "Work", active: true }],
      windows: Array.from({ length: 7 }, (_, day) => ({
        plannerId: "work",
        start: new Date(BASE + day * DAY + 9 * HOUR),
        end: new Date(BASE + day * DAY + 17 * HOUR),
      })),
      busy: [],
      now: new Date(BASE),
      options: {
        horizonDays: 7,
        bufferMinutes: raw.bufferMinutes,
        dailyCapMinutes: null,
        split: { enabled: false, minChunkMinutes: 30 },
        strategy: raw.strategy,
        makeRoom: true,
        timeZone: "UTC",
      },
    };
  });

describe("planSchedule make-room property", () => {
  it("moves only lower-priority undated planner blocks, only to rescue a deadline, and loses none", () => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const result = planSchedule(input);
        const without = planSchedule({ ...input, options: { ...input.options, makeRoom: false } });
        const movableById = new Map((input.movable ?? []).map((block) => [block.task.id, block]));
        const taskIds = new Set(input.tasks.map((task) => task.id));
        const placedTasks = (plan: typeof result) =>
          new Set(plan.placements.filter((p) => taskIds.has(p.taskId)).map((p) => p.taskId));

        // With makeRoom off nothing planned earlier is ever touched.
        expect(without.placements.some((p) => movableById.has(p.taskId))).toBe(false);

        const moved = result.placements.filter((p) => movableById.has(p.taskId));
        const rescued = [...placedTasks(result)].filter((id) => !placedTasks(without).has(id));
        if (moved.length === 0) {
          expect(result).toEqual(without);
          return;
        }
        // Moving happens only for tasks that missed their deadline without it, and rescues one.
        expect(rescued.length).toBeGreaterThan(0);
        const rescuers = input.tasks.filter((task) => rescued.includes(task.id));
        expect(rescuers.every((task) => task.dueAt !== null)).toBe(true);
        const topRescuer = Math.max(...rescuers.map((task) => task.priority));
        for (const placement of moved) {
          const block = movableById.get(placement.taskId);
          expect(block?.task.dueAt).toBeNull();
          expect(block?.task.priority ?? 99).toBeLessThan(topRescuer);
          expect(placement.movedFrom).toEqual({ start: block?.start, end: block?.end });
          expect(placement.explanation).toMatch(/^Moved to \w+ \d+ \w+ to make room for Task t\d+$/);
          expect(placement.end.getTime() - placement.start.getTime()).toBe(50 * MINUTE);
        }

        // Nothing overlaps: placements, and the blocks that stayed where they were.
        const movedIds = new Set(moved.map((p) => p.taskId));
        const staying = (input.movable ?? []).filter((block) => !movedIds.has(block.task.id));
        const spans = [
          ...result.placements.map((p) => [p.start.getTime(), p.end.getTime()] as const),
          ...staying.map((block) => [block.start.getTime(), block.end.getTime()] as const),
        ].sort((a, b) => a[0] - b[0]);
        for (let i = 1; i < spans.length; i++) expect(spans[i]?.[0]).toBeGreaterThanOrEqual(spans[i - 1]?.[1] ?? 0);
      }),
      { numRuns: 300 },
    );
  });
});
