import { bench, describe } from "vitest";
import type { EnginePlanner, EngineTask, EngineWindow, Interval, PlanScheduleInput } from "./engine-types.ts";
import { planSchedule } from "./plan-schedule.ts";
import type { PlanOptions } from "./schemas.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Thursday 1 January 2026; windows are laid out in UTC so the bench needs no zone code.
const NOW = Date.UTC(2026, 0, 1);

/** A small seeded generator, so every run plans the same year. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const planners: EnginePlanner[] = [
  { id: "weekdays", name: "Work hours", active: true },
  { id: "weekends", name: "Weekend mornings", active: true },
];

function yearOfWindows(): EngineWindow[] {
  const windows: EngineWindow[] = [];
  for (let day = 0; day < 366; day++) {
    const midnight = NOW + day * DAY;
    const weekday = new Date(midnight).getUTCDay();
    if (weekday >= 1 && weekday <= 5) {
      windows.push({
        plannerId: "weekdays",
        start: new Date(midnight + 9 * HOUR),
        end: new Date(midnight + 17 * HOUR),
      });
    } else {
      windows.push({
        plannerId: "weekends",
        start: new Date(midnight + 8 * HOUR),
        end: new Date(midnight + 12 * HOUR),
      });
    }
  }
  return windows;
}

function busyTime(count: number, next: () => number): Interval[] {
  return Array.from({ length: count }, () => {
    // Calendar events land on quarter hours from 07:00 to 21:00 and last 15 to 30 minutes.
    const start = NOW + Math.floor(next() * 365) * DAY + 7 * HOUR + Math.floor(next() * 56) * 15 * MINUTE;
    return { start: new Date(start), end: new Date(start + (15 + Math.floor(next() * 4) * 5) * MINUTE) };
  });
}

function someTasks(count: number, next: () => number, minutes: number[]): EngineTask[] {
  return Array.from({ length: count }, (_, i) => {
    const roll = next();
    return {
      id: `task-${String(i).padStart(5, "0")}`,
      summary: `Task ${i}`,
      minutes: minutes[Math.floor(next() * minutes.length)] ?? 30,
      priority: Math.floor(next() * 6),
      order: i,
      createdAt: new Date(NOW - Math.floor(next() * 90) * DAY),
      dueAt: next() < 0.2 ? new Date(NOW + Math.floor(next() * 365 * 24) * HOUR) : null,
      plannerId: roll < 0.4 ? "weekdays" : roll < 0.55 ? "weekends" : null,
    };
  });
}

const next = random(20260101);
const windows = yearOfWindows();
const busy = busyTime(5000, next);
// Short tasks, so most of 10,000 still fit a year of 09:00-17:00 and the bench measures placing, not rejecting.
const tasks = someTasks(10_000, next, [5, 10, 10, 15]);

// The schema stops at 90 days; the engine itself takes any horizon, which is what is measured here.
const plain: PlanOptions = {
  horizonDays: 365,
  bufferMinutes: 0,
  dailyCapMinutes: null,
  split: { enabled: false, minChunkMinutes: 30 },
  strategy: "pack",
  makeRoom: true,
  timeZone: "UTC",
};
const everything: PlanOptions = {
  horizonDays: 365,
  bufferMinutes: 5,
  dailyCapMinutes: 240,
  split: { enabled: true, minChunkMinutes: 10 },
  strategy: "spread",
  makeRoom: true,
  timeZone: "Europe/Berlin",
};

// Long tasks that overflow the year, so many splits fail: the worst case for splitting.
const longTasks = someTasks(10_000, random(7), [30, 60, 90, 120, 240, 480]);
const splitHeavy: PlanOptions = { ...everything, split: { enabled: true, minChunkMinutes: 15 } };

// A habit-heavy person: 100 of 1,000 tasks repeat every weekday, each planned once per
// occurrence over 90 days (about 6,400 placements from 100 tasks).
const withHabits: EngineTask[] = tasks.slice(0, 1000).map((task, i) =>
  i % 10 === 0
    ? {
        ...task,
        dueAt: new Date(NOW + 17 * HOUR),
        repeat: { rule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", occurrenceIndex: 1 },
      }
    : task,
);
const habits: PlanOptions = { ...plain, horizonDays: 90, strategy: "spread" };

const input = (n: number, options: PlanOptions, from = tasks): PlanScheduleInput => ({
  tasks: from.slice(0, n),
  planners,
  windows,
  busy,
  now: new Date(NOW),
  options,
});

function timeMs(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? 0;

/** Times both sizes after warming the JIT, alternating runs so drift hits both alike. */
function report(label: string, options: PlanOptions, from = tasks): void {
  const large = input(10_000, options, from);
  const small = input(5000, options, from);
  for (let i = 0; i < 3; i++) {
    planSchedule(large);
    planSchedule(small);
  }
  const largeMs: number[] = [];
  const smallMs: number[] = [];
  for (let i = 0; i < 9; i++) {
    largeMs.push(timeMs(() => planSchedule(large)));
    smallMs.push(timeMs(() => planSchedule(small)));
  }
  const placed = (plan: ReturnType<typeof planSchedule>) => new Set(plan.placements.map((p) => p.taskId)).size;
  const nLogN = (10_000 * Math.log2(10_000)) / (5000 * Math.log2(5000));
  console.log(
    `planSchedule ${label} n=10000: ${median(largeMs).toFixed(0)} ms; n=5000: ${median(smallMs).toFixed(0)} ms; ` +
      `ratio ${(median(largeMs) / median(smallMs)).toFixed(2)} (n log n ≈ ${nLogN.toFixed(2)}, n² = 4); ` +
      `placed ${placed(planSchedule(large))}/10000 and ${placed(planSchedule(small))}/5000`,
  );
}

describe("planSchedule, a year of windows around 5,000 busy intervals", () => {
  report("(no buffer, no cap)", plain);
  report("(buffer 5, cap 240, split, Berlin)", everything);
  report("(long tasks, 15-min parts, saturated)", splitHeavy, longTasks);

  bench(
    "10,000 tasks, 365-day horizon",
    () => {
      planSchedule(input(10_000, plain));
    },
    { iterations: 10 },
  );
  bench(
    "5,000 tasks, 365-day horizon",
    () => {
      planSchedule(input(5000, plain));
    },
    { iterations: 10 },
  );
  bench(
    "10,000 tasks with buffer, daily cap and splitting",
    () => {
      planSchedule(input(10_000, everything));
    },
    { iterations: 10 },
  );
  bench(
    "1,000 tasks, 100 of them repeating every weekday, 90-day horizon",
    () => {
      planSchedule(input(1000, habits, withHabits));
    },
    { iterations: 10 },
  );
  bench(
    "10,000 long tasks overflowing the year, split into 15-minute parts",
    () => {
      planSchedule(input(10_000, splitHeavy, longTasks));
    },
    { iterations: 10 },
  );
});
