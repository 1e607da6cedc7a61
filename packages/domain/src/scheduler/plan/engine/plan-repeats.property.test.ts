import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { listSeriesOccurrences } from "../../recurrence/list-series-occurrences.ts";
import type { EngineTask, PlanScheduleInput } from "./engine-types.ts";
import { planSchedule } from "./plan-schedule.ts";

const MINUTE = 60_000;
const DAY = 86_400_000;
const ZONES = ["UTC", "Asia/Kathmandu", "Europe/Berlin", "America/New_York"];
// A quiet week and the weeks of the DST changes in New York (8 Mar) and Berlin (29 Mar).
const BASES = ["2026-03-05T00:00:00Z", "2026-03-26T00:00:00Z", "2026-06-15T00:00:00Z"].map(Date.parse);
const RULES = ["FREQ=DAILY", "FREQ=DAILY;INTERVAL=2", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "FREQ=DAILY;COUNT=4"];
const HORIZON_DAYS = 7;

/** The local day (as an ISO date) an instant falls on; a deadline at midnight belongs to the day before. */
const dayOfDeadline = (epochMs: number, timeZone: string) =>
  Temporal.Instant.fromEpochMilliseconds(epochMs - 1)
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
const dayOf = (epochMs: number, timeZone: string) =>
  Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone).toPlainDate().toString();

const arbitraryInput = fc
  .record({
    base: fc.constantFrom(...BASES),
    timeZone: fc.constantFrom(...ZONES),
    nowMinutes: fc.integer({ min: 0, max: 1440 }),
    // One window a day at a varying hour, some days none.
    windows: fc.array(
      fc.option(fc.record({ quarter: fc.integer({ min: 0, max: 80 }), minutes: fc.integer({ min: 60, max: 600 }) }), {
        nil: null,
        freq: 6,
      }),
      { minLength: HORIZON_DAYS + 1, maxLength: HORIZON_DAYS + 1 },
    ),
    series: fc.array(
      fc.record({
        rule: fc.constantFrom(...RULES),
        index: fc.integer({ min: 1, max: 3 }),
        dueMinutes: fc.integer({ min: -1440, max: 3 * 1440 }),
        minutes: fc.integer({ min: 10, max: 120 }),
        priority: fc.integer({ min: 0, max: 5 }),
        startAfterHours: fc.option(fc.integer({ min: -30, max: 20 }), { nil: null, freq: 3 }),
        planned: fc.array(fc.integer({ min: 2, max: 12 }), { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    plain: fc.array(
      fc.record({ minutes: fc.integer({ min: 10, max: 180 }), priority: fc.integer({ min: 0, max: 5 }) }),
      {
        maxLength: 6,
      },
    ),
    strategy: fc.constantFrom("spread" as const, "pack" as const),
  })
  .map((raw): PlanScheduleInput => {
    const now = raw.base + raw.nowMinutes * MINUTE;
    const series: EngineTask[] = raw.series.map((s, i) => {
      const dueAt = new Date(now + s.dueMinutes * MINUTE);
      return {
        id: `s${i}`,
        summary: `Series ${i}`,
        minutes: s.minutes,
        priority: s.priority,
        order: i,
        createdAt: new Date(Date.UTC(2026, 0, 1)),
        dueAt,
        startAfter: s.startAfterHours === null ? null : new Date(dueAt.getTime() + s.startAfterHours * 60 * MINUTE),
        plannerId: null,
        repeat: { rule: s.rule, occurrenceIndex: s.index, planned: s.planned },
      };
    });
    const plain: EngineTask[] = raw.plain.map((p, i) => ({
      id: `p${i}`,
      summary: `Plain ${i}`,
      minutes: p.minutes,
      priority: p.priority,
      order: i,
      createdAt: new Date(Date.UTC(2026, 0, 1)),
      dueAt: null,
      plannerId: null,
    }));
    return {
      tasks: [...series, ...plain],
      planners: [{ id: "work", name: "Work", active: true }],
      windows: raw.windows.flatMap((window, day) => {
        if (window === null) return [];
        const start = raw.base + day * DAY + window.quarter * 15 * MINUTE;
        return [{ plannerId: "work", start: new Date(start), end: new Date(start + window.minutes * MINUTE) }];
      }),
      busy: [],
      now: new Date(now),
      options: {
        horizonDays: HORIZON_DAYS,
        bufferMinutes: 5,
        dailyCapMinutes: null,
        split: { enabled: false, minChunkMinutes: 30 },
        strategy: raw.strategy,
        makeRoom: true,
        timeZone: raw.timeZone,
      },
    };
  });

describe("planSchedule repeating-occurrence property", () => {
  it("accounts for every occurrence due inside the horizon once, each placed whole on its own day before its deadline", () => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const result = planSchedule(input);
        const { timeZone } = input.options;
        const nowMs = input.now.getTime();
        const horizonEnd = nowMs + HORIZON_DAYS * DAY;

        for (const task of input.tasks) {
          if (!task.repeat || !task.dueAt) continue;
          const placed = result.placements.filter((p) => p.taskId === task.id && p.occurrence);
          const unplaced = result.unplaced.filter((u) => u.taskId === task.id && u.occurrence);
          const later = [...placed, ...unplaced].map((entry) => entry.occurrence?.index ?? 0);
          // Every occurrence the rule has due inside the horizon, once each, except those past or already planned.
          const expected = listSeriesOccurrences({
            rule: task.repeat.rule,
            current: task.dueAt,
            occurrenceIndex: task.repeat.occurrenceIndex,
            timeZone,
            before: new Date(horizonEnd),
            limit: 100,
          })
            // An occurrence whose moved startAfter is at or past the horizon's end waits for a later plan.
            .filter(({ index, at }) => {
              const startAfter =
                task.startAfter && task.dueAt ? task.startAfter.getTime() + at.getTime() - task.dueAt.getTime() : nowMs;
              return at.getTime() > nowMs && startAfter < horizonEnd && !task.repeat?.planned?.includes(index);
            })
            .map(({ index }) => index);
          expect([...later].sort((a, b) => a - b)).toEqual(expected);
          for (const index of later) {
            expect(index).toBeGreaterThan(task.repeat.occurrenceIndex);
            expect(task.repeat.planned ?? []).not.toContain(index);
            if (task.repeat.rule.includes("COUNT=4")) expect(index).toBeLessThanOrEqual(4);
          }
          for (const entry of [...placed, ...unplaced]) {
            const due = entry.occurrence?.dueAt.getTime() ?? 0;
            expect(due).toBeGreaterThan(nowMs);
            expect(due).toBeLessThan(horizonEnd);
            // The series keeps the current occurrence's local time of day (a time a DST gap
            // skips moves forward by the gap, as RFC 5545 reads it).
            const local = Temporal.Instant.fromEpochMilliseconds(due).toZonedDateTimeISO(timeZone).toPlainDate();
            const time = Temporal.Instant.fromEpochMilliseconds(task.dueAt.getTime()).toZonedDateTimeISO(timeZone);
            expect(local.toPlainDateTime(time.toPlainTime()).toZonedDateTime(timeZone).epochMilliseconds).toBe(due);
          }
          // Placed whole, on the day it is due, before its deadline and after its moved startAfter.
          for (const placement of placed) {
            const due = placement.occurrence?.dueAt.getTime() ?? 0;
            expect(placement.end.getTime() - placement.start.getTime()).toBe(task.minutes * MINUTE);
            expect(placement.chunk).toBeUndefined();
            expect(placement.end.getTime()).toBeLessThanOrEqual(due);
            expect(dayOf(placement.start.getTime(), timeZone)).toBe(dayOfDeadline(due, timeZone));
            if (task.startAfter) {
              const shifted = task.startAfter.getTime() + due - task.dueAt.getTime();
              expect(placement.start.getTime()).toBeGreaterThanOrEqual(shifted);
            }
          }
          // The task itself: once, and never before its own day.
          const own = result.placements.filter((p) => p.taskId === task.id && !p.occurrence);
          const ownLeftOut = result.unplaced.filter((u) => u.taskId === task.id && !u.occurrence);
          expect(own.length + ownLeftOut.length).toBe(1);
          for (const placement of own) {
            expect(dayOf(placement.start.getTime(), timeZone) >= dayOfDeadline(task.dueAt.getTime(), timeZone)).toBe(
              true,
            );
          }
        }
        // Nothing overlaps, whatever the mix.
        const spans = [...result.placements].sort((a, b) => a.start.getTime() - b.start.getTime());
        for (let i = 1; i < spans.length; i++) {
          expect(spans[i]?.start.getTime()).toBeGreaterThanOrEqual(spans[i - 1]?.end.getTime() ?? 0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("gives the same plan, occurrences included, in any input order", () => {
    fc.assert(
      fc.property(arbitraryInput, fc.infiniteStream(fc.nat()), (input, seeds) => {
        const result = planSchedule(input);
        const shuffled = [...input.tasks].sort(() => (seeds.next().value % 3) - 1);
        expect(planSchedule({ ...input, tasks: shuffled })).toEqual(result);
      }),
      { numRuns: 60 },
    );
  });
});
