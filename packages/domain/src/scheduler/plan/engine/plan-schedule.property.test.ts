import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import type { EnginePlanner, EngineTask, EngineWindow, Interval, PlanScheduleInput } from "./engine-types.ts";
import { planSchedule } from "./plan-schedule.ts";

const MINUTE = 60_000;
const DAY = 86_400_000;
const ZONES = ["UTC", "Asia/Kathmandu", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe"];
// Just before DST changes (New York 8 Mar, Berlin 29 Mar, Lord Howe 5 Apr 2026) and a quiet week.
const BASES = ["2026-03-06T00:00:00Z", "2026-03-27T00:00:00Z", "2026-04-03T00:00:00Z", "2026-06-15T00:00:00Z"].map(
  (text) => new Date(text).getTime(),
);
const PLANNER_IDS = ["p0", "p1", "p2"];

const minutesFrom = (base: number, maxMinutes: number) =>
  fc.integer({ min: 0, max: maxMinutes }).map((minutes) => base + minutes * MINUTE);

const arbitraryWindow = (base: number, plannerId: fc.Arbitrary<string>) =>
  fc.record({
    plannerId,
    start: fc.integer({ min: 0, max: 5 * 24 * 4 }).map((quarters) => base + quarters * 15 * MINUTE),
    minutes: fc.integer({ min: 15, max: 720 }),
  });

/** A planner's daily window ("09:00 for 8 h") on a run of days, as planners are expanded. */
const arbitraryDailyWindows = (base: number, plannerId: string) =>
  fc
    .record({
      quarter: fc.integer({ min: 0, max: 95 }),
      minutes: fc.integer({ min: 60, max: 600 }),
      days: fc.integer({ min: 2, max: 7 }),
    })
    .map(({ quarter, minutes, days }) =>
      Array.from({ length: days }, (_, day) => ({
        plannerId,
        start: base + day * DAY + quarter * 15 * MINUTE,
        minutes,
      })),
    );

const arbitraryInput = fc.constantFrom(...BASES).chain((base) =>
  fc.record({
    planners: fc
      .tuple(
        ...PLANNER_IDS.map((id, i) =>
          fc.record({
            id: fc.constant(id),
            name: fc.constant(`Planner ${i}`),
            active: fc.integer({ min: 0, max: 4 }).map((roll) => roll > 0),
          }),
        ),
      )
      .chain((all) => fc.integer({ min: 1, max: 3 }).map((count): EnginePlanner[] => all.slice(0, count))),
    windows: fc
      .tuple(
        ...PLANNER_IDS.map((id) => arbitraryDailyWindows(base, id)),
        fc.array(arbitraryWindow(base, fc.constantFrom(...PLANNER_IDS)), { maxLength: 5 }),
      )
      .map((lists) => lists.flat()),
    busy: fc.array(fc.record({ start: minutesFrom(base, 5 * 1440), minutes: fc.integer({ min: 5, max: 240 }) }), {
      maxLength: 12,
    }),
    tasks: fc.array(
      fc.record({
        minutes: fc.oneof({ arbitrary: fc.integer({ min: 5, max: 120 }), weight: 4 }, fc.integer({ min: 5, max: 300 })),
        priority: fc.integer({ min: 0, max: 5 }),
        order: fc.integer({ min: 0, max: 5 }),
        created: fc.integer({ min: 0, max: 5 }),
        due: fc.option(minutesFrom(base, 6 * 1440), { nil: null }),
        // Before now, inside the horizon and past its end.
        startAfter: fc.option(minutesFrom(base, 7 * 1440), { nil: null, freq: 3 }),
        plannerId: fc.oneof(
          { arbitrary: fc.constant(null), weight: 3 },
          { arbitrary: fc.constant("p0"), weight: 2 },
          fc.constantFrom("p1", "p2", "missing"),
        ),
      }),
      { maxLength: 20 },
    ),
    now: fc.oneof(minutesFrom(base, 1440), fc.integer({ min: base, max: base + DAY })),
    horizonDays: fc.integer({ min: 1, max: 6 }),
    bufferMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })),
    dailyCapMinutes: fc.option(fc.integer({ min: 20, max: 600 }), { nil: null }),
    split: fc.record({ enabled: fc.boolean(), minChunkMinutes: fc.integer({ min: 5, max: 120 }) }),
    timeZone: fc.constantFrom(...ZONES),
    strategy: fc.constantFrom("spread" as const, "pack" as const),
  }),
);

function toInput(raw: typeof arbitraryInput extends fc.Arbitrary<infer T> ? T : never): PlanScheduleInput {
  const tasks: EngineTask[] = raw.tasks.map((t, i) => ({
    id: `t${i}`,
    summary: `Task ${i}`,
    minutes: t.minutes,
    priority: t.priority,
    order: t.order,
    createdAt: new Date(Date.UTC(2026, 0, 1 + t.created)),
    dueAt: t.due === null ? null : new Date(t.due),
    startAfter: t.startAfter === null ? null : new Date(t.startAfter),
    plannerId: t.plannerId,
  }));
  const windows: EngineWindow[] = raw.windows.map((w) => ({
    plannerId: w.plannerId,
    start: new Date(w.start),
    end: new Date(w.start + w.minutes * MINUTE),
  }));
  const busy: Interval[] = raw.busy.map((b) => ({
    start: new Date(b.start),
    end: new Date(b.start + b.minutes * MINUTE),
  }));
  return {
    tasks,
    planners: raw.planners,
    windows,
    busy,
    now: new Date(raw.now),
    options: {
      horizonDays: raw.horizonDays,
      bufferMinutes: raw.bufferMinutes,
      dailyCapMinutes: raw.dailyCapMinutes,
      split: raw.split,
      strategy: raw.strategy,
      makeRoom: true,
      timeZone: raw.timeZone,
    },
  };
}

/** Minutes of [start, end) per local date, computed with Temporal rather than the engine's helpers. */
function minutesPerLocalDay(start: number, end: number, timeZone: string): Map<string, number> {
  const perDay = new Map<string, number>();
  let cursor = start;
  while (cursor < end) {
    const local = Temporal.Instant.fromEpochMilliseconds(cursor).toZonedDateTimeISO(timeZone);
    const next = local.toPlainDate().add({ days: 1 }).toZonedDateTime(timeZone).epochMilliseconds;
    const upTo = Math.min(next, end);
    const key = local.toPlainDate().toString();
    perDay.set(key, (perDay.get(key) ?? 0) + (upTo - cursor) / MINUTE);
    cursor = upTo;
  }
  return perDay;
}

function shuffled<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  let state = seed || 1;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

describe("planSchedule properties", () => {
  it("keeps every invariant on random plans", () => {
    fc.assert(
      fc.property(arbitraryInput, fc.integer({ min: 1, max: 1_000_000 }), (raw, seed) => {
        const input = toInput(raw);
        const { options } = input;
        const result = planSchedule(input);
        const nowMs = input.now.getTime();
        const horizonEnd = nowMs + options.horizonDays * DAY;
        const bufferMs = options.bufferMinutes * MINUTE;
        const activeIds = new Set(input.planners.filter((p) => p.active).map((p) => p.id));
        const taskById = new Map(input.tasks.map((t) => [t.id, t]));

        // Deterministic, whatever the order of the input arrays.
        expect(planSchedule(input)).toEqual(result);
        expect(
          planSchedule({
            ...input,
            tasks: shuffled(input.tasks, seed),
            planners: shuffled(input.planners, seed + 1),
            windows: shuffled(input.windows, seed + 2),
            busy: shuffled(input.busy, seed + 3),
          }),
        ).toEqual(result);

        const sorted = [...result.placements].sort((a, b) => a.start.getTime() - b.start.getTime());
        for (let i = 1; i < sorted.length; i++) {
          // No overlap, and the buffer between any two blocks, chunks included.
          expect(sorted[i]?.start.getTime()).toBeGreaterThanOrEqual((sorted[i - 1]?.end.getTime() ?? 0) + bufferMs);
        }

        const perDay = new Map<string, number>();
        for (const block of result.placements) {
          const task = taskById.get(block.taskId);
          expect(task).toBeDefined();
          if (!task) continue;
          const start = block.start.getTime();
          const end = block.end.getTime();
          expect(end).toBeGreaterThan(start);
          expect(start).toBeGreaterThanOrEqual(nowMs);
          expect(start).toBeGreaterThanOrEqual(task.startAfter?.getTime() ?? nowMs);
          expect(end).toBeLessThanOrEqual(horizonEnd);
          if (task.dueAt) expect(end).toBeLessThanOrEqual(task.dueAt.getTime());
          const inWindow = input.windows.some(
            (w) =>
              activeIds.has(w.plannerId) &&
              (task.plannerId === null || task.plannerId === w.plannerId) &&
              w.start.getTime() <= start &&
              end <= w.end.getTime(),
          );
          expect(inWindow).toBe(true);
          for (const busy of input.busy) {
            const clear = end <= busy.start.getTime() - bufferMs || start >= busy.end.getTime() + bufferMs;
            expect(clear).toBe(true);
          }
          expect(block.explanation.length).toBeGreaterThan(0);
          for (const [day, minutes] of minutesPerLocalDay(start, end, options.timeZone)) {
            perDay.set(day, (perDay.get(day) ?? 0) + minutes);
          }
        }
        if (options.dailyCapMinutes !== null) {
          for (const minutes of perDay.values()) expect(minutes).toBeLessThanOrEqual(options.dailyCapMinutes + 1e-9);
        }

        // Every task exactly once: whole, in parts adding up to it, or unplaced.
        const unplacedIds = result.unplaced.map((u) => u.taskId);
        expect(new Set(unplacedIds).size).toBe(unplacedIds.length);
        for (const task of input.tasks) {
          const blocks = result.placements.filter((p) => p.taskId === task.id);
          const isUnplaced = unplacedIds.includes(task.id);
          expect(blocks.length > 0).toBe(!isUnplaced);
          if (isUnplaced) continue;
          const total = blocks.reduce((sum, b) => sum + (b.end.getTime() - b.start.getTime()) / MINUTE, 0);
          expect(total).toBe(task.minutes);
          if (blocks.length === 1) {
            expect(blocks[0]?.chunk).toBeUndefined();
          } else {
            expect(options.split.enabled).toBe(true);
            expect(blocks.map((b) => b.chunk)).toEqual(blocks.map((_, i) => ({ index: i + 1, count: blocks.length })));
            for (const b of blocks) {
              expect(b.end.getTime() - b.start.getTime()).toBeGreaterThanOrEqual(
                options.split.minChunkMinutes * MINUTE,
              );
            }
          }
        }
        for (const u of result.unplaced) {
          const task = taskById.get(u.taskId);
          const tiedToDeadPlanner = task?.plannerId != null && !activeIds.has(task.plannerId);
          expect(u.reason === "planner_inactive").toBe(tiedToDeadPlanner);
          const startsTooLate = (task?.startAfter?.getTime() ?? nowMs) >= horizonEnd;
          expect(u.reason === "starts_after_horizon").toBe(!tiedToDeadPlanner && startsTooLate);
          expect(u.explanation.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("places a lone task at the earliest feasible minute, and leaves it out only when there is none", () => {
    fc.assert(
      fc.property(arbitraryInput, (raw) => {
        const input = toInput({ ...raw, now: raw.now - (raw.now % MINUTE), split: { ...raw.split, enabled: false } });
        for (const task of input.tasks.slice(0, 3)) {
          const result = planSchedule({ ...input, tasks: [task] });
          const expected = bruteForceEarliest(input, task);
          expect(result.placements[0]?.start.getTime() ?? null).toBe(expected);
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** Tries every minute from now: the reference the engine's search must agree with. */
function bruteForceEarliest(input: PlanScheduleInput, task: EngineTask): number | null {
  const { options } = input;
  const nowMs = input.now.getTime();
  const limit = Math.min(nowMs + options.horizonDays * DAY, task.dueAt?.getTime() ?? Number.POSITIVE_INFINITY);
  const length = task.minutes * MINUTE;
  const bufferMs = options.bufferMinutes * MINUTE;
  const active = new Set(input.planners.filter((p) => p.active).map((p) => p.id));
  if (task.plannerId !== null && !active.has(task.plannerId)) return null;
  const windows = input.windows.filter(
    (w) => active.has(w.plannerId) && (task.plannerId === null || w.plannerId === task.plannerId),
  );
  for (let start = Math.max(nowMs, task.startAfter?.getTime() ?? nowMs); start + length <= limit; start += MINUTE) {
    const end = start + length;
    if (!windows.some((w) => w.start.getTime() <= start && end <= w.end.getTime())) continue;
    if (input.busy.some((b) => end > b.start.getTime() - bufferMs && start < b.end.getTime() + bufferMs)) continue;
    if (options.dailyCapMinutes !== null) {
      const cap = options.dailyCapMinutes;
      if ([...minutesPerLocalDay(start, end, options.timeZone).values()].some((minutes) => minutes > cap)) continue;
    }
    return start;
  }
  return null;
}
