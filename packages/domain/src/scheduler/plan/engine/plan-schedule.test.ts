import { describe, expect, it } from "vitest";
import { DomainError } from "../../../shared/errors.ts";
import type { EnginePlanner, EngineTask, EngineWindow, Interval, PlanScheduleResult } from "./engine-types.ts";
import { planSchedule } from "./plan-schedule.ts";
import { type PlanOptions, ZPlanOptions } from "./schemas.ts";

// Monday 2 March 2026, 00:00 UTC.
const MONDAY = "2026-03-02";
const at = (time: string, day = MONDAY) => new Date(`${day}T${time}:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 16);

const WORK: EnginePlanner = { id: "work", name: "Work hours", active: true };
const SIDE: EnginePlanner = { id: "side", name: "Side projects", active: true };

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

function window(plannerId: string, start: string, end: string, day = MONDAY): EngineWindow {
  return { plannerId, start: at(start, day), end: at(end, day) };
}

/** These examples pin down earliest-slot packing without a buffer unless they say otherwise. */
function options(overrides: Partial<PlanOptions> = {}): PlanOptions {
  return { ...ZPlanOptions.parse({}), bufferMinutes: 0, strategy: "pack", timeZone: "UTC", ...overrides };
}

type Setup = {
  tasks: EngineTask[];
  planners?: EnginePlanner[];
  windows: EngineWindow[];
  busy?: Interval[];
  now?: Date;
  options?: Partial<PlanOptions>;
};

function plan(setup: Setup): PlanScheduleResult {
  return planSchedule({
    tasks: setup.tasks,
    planners: setup.planners ?? [WORK, SIDE],
    windows: setup.windows,
    busy: setup.busy ?? [],
    now: setup.now ?? at("00:00"),
    options: options(setup.options),
  });
}

/** "taskId start-end" per block, in time order. */
function blocks(result: PlanScheduleResult): string[] {
  return result.placements.map((p) => `${p.taskId} ${iso(p.start).slice(11)}-${iso(p.end).slice(11)}`);
}

function reasons(result: PlanScheduleResult): string[] {
  return result.unplaced.map((u) => `${u.taskId} ${u.reason}`);
}

describe("planSchedule", () => {
  it("places a task at the start of the first window and says why", () => {
    const result = plan({ tasks: [task("a", { priority: 4 })], windows: [window("work", "09:00", "17:00")] });
    expect(result.placements).toEqual([
      {
        taskId: "a",
        start: at("09:00"),
        end: at("10:00"),
        explanation: "P2 high, earliest free slot in Work hours",
      },
    ]);
    expect(result.unplaced).toEqual([]);
  });

  describe("order of consideration", () => {
    it("puts deadlines inside the horizon first (earliest first), then priority, order, age and id", () => {
      const created = (day: number) => new Date(Date.UTC(2026, 0, day));
      const tasks = [
        task("low", { priority: 1 }),
        task("high", { priority: 5 }),
        task("order2", { priority: 3, order: 2 }),
        task("order1-newer", { priority: 3, order: 1, createdAt: created(5) }),
        task("order1-older-b", { priority: 3, order: 1, createdAt: created(2) }),
        task("order1-older-a", { priority: 3, order: 1, createdAt: created(2) }),
        task("due-later", { priority: 0, dueAt: at("23:00", "2026-03-05") }),
        task("due-sooner", { priority: 0, dueAt: at("23:00", "2026-03-04") }),
        // Beyond the 14-day horizon: not at risk, so it waits its turn by priority.
        task("due-far", { priority: 2, dueAt: at("12:00", "2026-04-30") }),
      ].map((t) => ({ ...t, minutes: 30 }));
      const result = plan({ tasks, windows: [window("work", "09:00", "17:00")] });
      expect(result.placements.map((p) => p.taskId)).toEqual([
        "due-sooner",
        "due-later",
        "high",
        "order1-older-a",
        "order1-older-b",
        "order1-newer",
        "order2",
        "due-far",
        "low",
      ]);
    });

    it("ranks tasks due the same local day by priority, not by the minute they are due", () => {
      const tasks = [
        task("due-morning-low", { priority: 0, dueAt: at("12:00", "2026-03-03") }),
        task("due-evening-high", { priority: 5, dueAt: at("23:00", "2026-03-03") }),
        task("due-next-day-top", { priority: 5, dueAt: at("09:00", "2026-03-04") }),
      ].map((t) => ({ ...t, minutes: 30 }));
      const result = plan({ tasks, windows: [window("work", "09:00", "17:00")] });
      expect(result.placements.map((p) => p.taskId)).toEqual([
        "due-evening-high",
        "due-morning-low",
        "due-next-day-top",
      ]);
    });

    it("lets an earlier task take a slot a later, longer one could not use anyway", () => {
      const result = plan({
        tasks: [task("big", { priority: 5, minutes: 120 }), task("small", { minutes: 30 })],
        windows: [window("work", "09:00", "10:00"), window("work", "11:00", "13:00")],
      });
      expect(blocks(result)).toEqual(["small 09:00-09:30", "big 11:00-13:00"]);
    });
  });

  it("never starts before now and uses a window that has already begun from now on", () => {
    const result = plan({
      tasks: [task("a", { minutes: 30 })],
      windows: [window("work", "09:00", "17:00")],
      now: new Date("2026-03-02T10:20:30.000Z"),
    });
    expect(result.placements[0]?.start.toISOString()).toBe("2026-03-02T10:20:30.000Z");
  });

  describe("planners", () => {
    it("keeps a task tied to a planner inside that planner's windows; an untied task takes any window", () => {
      const result = plan({
        tasks: [task("tied", { plannerId: "side", priority: 5 }), task("free")],
        windows: [window("work", "09:00", "10:00"), window("side", "18:00", "20:00")],
      });
      expect(blocks(result)).toEqual(["free 09:00-10:00", "tied 18:00-19:00"]);
      expect(result.placements[1]?.explanation).toBe("P1 urgent, earliest free slot in Side projects");
    });

    it("reports tasks of an inactive or missing planner and never uses an inactive planner's windows", () => {
      const paused = { ...SIDE, active: false };
      const result = plan({
        tasks: [task("paused", { plannerId: "side" }), task("gone", { plannerId: "deleted" }), task("free")],
        planners: [WORK, paused],
        windows: [window("side", "08:00", "09:00"), window("work", "09:00", "10:00")],
      });
      expect(blocks(result)).toEqual(["free 09:00-10:00"]);
      expect(result.unplaced).toEqual([
        { taskId: "gone", reason: "planner_inactive", explanation: "its planner no longer exists" },
        { taskId: "paused", reason: "planner_inactive", explanation: "planner Side projects is inactive" },
      ]);
    });

    it("gives an untied task the earliest slot across overlapping windows of several planners", () => {
      const result = plan({
        tasks: [task("short", { minutes: 30, priority: 1 }), task("hour", { minutes: 60 })],
        windows: [window("work", "09:00", "17:00"), window("side", "08:00", "10:00")],
        busy: [{ start: at("08:30"), end: at("09:00") }],
      });
      expect(blocks(result)).toEqual(["short 08:00-08:30", "hour 09:00-10:00"]);
      expect(result.placements.map((p) => p.explanation)).toEqual([
        "Lowest priority, earliest free slot in Side projects",
        // Both planners are free from 09:00; the window that ends first is used.
        "No priority, earliest free slot in Side projects",
      ]);
    });
  });

  describe("spread", () => {
    // Monday to Friday, 09:00-17:00: the weekday planner of a newcomer.
    const weekdays = ["02", "03", "04", "05", "06"].map((day) => window("work", "09:00", "17:00", `2026-03-${day}`));

    it("spreads eight undated hours over the week in priority order, with breaks", () => {
      const tasks = Array.from({ length: 8 }, (_, i) => task(`p${7 - i}`, { priority: Math.min(5, 7 - i), order: i }));
      const result = plan({
        tasks,
        windows: weekdays,
        options: { strategy: "spread", bufferMinutes: 10, horizonDays: 7 },
      });
      // 480 minutes over five days is 96 a day: two tasks a day, ten minutes apart.
      expect(result.placements.map((p) => `${iso(p.start)} ${p.taskId}`)).toEqual([
        "2026-03-02T09:00 p7",
        "2026-03-02T10:10 p6",
        "2026-03-03T09:00 p5",
        "2026-03-03T10:10 p4",
        "2026-03-04T09:00 p3",
        "2026-03-04T10:10 p2",
        "2026-03-05T09:00 p1",
        "2026-03-05T10:10 p0",
      ]);
      expect(result.placements[2]?.explanation).toBe("P1 urgent, first free slot in Work hours on a lighter day");
    });

    it("packs them into Monday with strategy pack", () => {
      const tasks = Array.from({ length: 8 }, (_, i) => task(`t${i}`, { order: i }));
      const result = plan({
        tasks,
        windows: weekdays,
        options: { strategy: "pack", bufferMinutes: 0, horizonDays: 7 },
      });
      expect(new Set(result.placements.map((p) => iso(p.start).slice(0, 10)))).toEqual(new Set(["2026-03-02"]));
    });

    it("still places a task before its deadline, spreading it only over the days before it", () => {
      const tasks = [
        task("due-tue-a", { dueAt: at("17:00", "2026-03-03"), minutes: 240 }),
        task("due-tue-b", { dueAt: at("17:00", "2026-03-03"), minutes: 240 }),
        task("due-tue-c", { dueAt: at("17:00", "2026-03-03"), minutes: 240 }),
        task("undated", { minutes: 60 }),
      ];
      const result = plan({ tasks, windows: weekdays, options: { strategy: "spread", horizonDays: 7 } });
      expect(result.unplaced).toEqual([]);
      for (const placement of result.placements.filter((p) => p.taskId.startsWith("due"))) {
        expect(placement.end.getTime()).toBeLessThanOrEqual(at("17:00", "2026-03-03").getTime());
      }
    });
  });

  describe("make room", () => {
    const tuesday = [window("work", "09:00", "17:00", "2026-03-03"), window("work", "09:00", "17:00", "2026-03-05")];
    // Two undated low-priority hours the planner put on Tuesday earlier, and one the person placed.
    const planned = (id: string, from: string, to: string, priority = 0) => ({
      task: task(id, { summary: `Chore ${id}`, priority, minutes: 120 }),
      start: at(from, "2026-03-03"),
      end: at(to, "2026-03-03"),
    });
    const urgent = task("urgent", {
      summary: "Tax return",
      priority: 5,
      minutes: 240,
      dueAt: at("17:00", "2026-03-03"),
    });
    const movable = [planned("a", "09:00", "11:00"), planned("b", "11:00", "13:00"), planned("c", "13:00", "15:00")];

    it("moves lower-priority undated blocks later so an urgent task meets its deadline, and says so", () => {
      const result = planSchedule({
        tasks: [urgent],
        movable,
        planners: [WORK],
        windows: tuesday,
        busy: [],
        now: at("00:00"),
        options: options({ strategy: "pack" }),
      });
      expect(result.unplaced).toEqual([]);
      // c's slot is still free once the urgent task is placed: it stays (no placement, no change).
      expect(blocks(result)).toEqual(["urgent 09:00-13:00", "a 15:00-17:00", "b 09:00-11:00"]);
      const moved = result.placements.filter((p) => p.movedFrom);
      expect(moved.map((p) => [p.taskId, p.explanation])).toEqual([
        ["a", "Moved to Tuesday 3 Mar to make room for Tax return"],
        ["b", "Moved to Thursday 5 Mar to make room for Tax return"],
      ]);
    });

    it("never moves blocks of equal or higher priority, with a deadline or placed by the person, nor with makeRoom off", () => {
      const keep = [
        planned("same", "09:00", "11:00", 5),
        {
          ...planned("dated", "11:00", "13:00"),
          task: task("dated", { minutes: 120, dueAt: at("12:00", "2026-03-20") }),
        },
      ];
      // The person's own block is plain busy time: it is not even offered as movable.
      const personal = { start: at("13:00", "2026-03-03"), end: at("15:00", "2026-03-03") };
      const setup = { tasks: [urgent], planners: [WORK], windows: tuesday, busy: [personal], now: at("00:00") };
      const result = planSchedule({ ...setup, movable: keep, options: options() });
      expect(reasons(result)).toEqual(["urgent deadline_unreachable"]);
      expect(result.placements).toEqual([]);
      const off = planSchedule({ ...setup, movable, options: options({ makeRoom: false }) });
      expect(reasons(off)).toEqual(["urgent deadline_unreachable"]);
    });
  });

  describe("buffer", () => {
    it("keeps the buffer between placed blocks and around busy time, not at window edges", () => {
      const result = plan({
        tasks: [
          task("a", { minutes: 30, priority: 2 }),
          task("b", { minutes: 30, priority: 1 }),
          task("c", { minutes: 30 }),
        ],
        windows: [window("work", "09:00", "12:00")],
        busy: [{ start: at("10:30"), end: at("11:00") }],
        options: { bufferMinutes: 15 },
      });
      expect(blocks(result)).toEqual(["a 09:00-09:30", "b 09:45-10:15", "c 11:15-11:45"]);
    });

    it("applies the buffer across adjacent windows of different planners", () => {
      const result = plan({
        tasks: [task("a", { plannerId: "work", priority: 1 }), task("b", { plannerId: "side" })],
        windows: [window("work", "09:00", "10:00"), window("side", "10:00", "12:00")],
        options: { bufferMinutes: 10 },
      });
      expect(blocks(result)).toEqual(["a 09:00-10:00", "b 10:10-11:10"]);
    });
  });

  describe("daily cap", () => {
    // Kathmandu is UTC+05:45, so its midnight falls at 18:15 UTC.
    const kathmandu = { timeZone: "Asia/Kathmandu", dailyCapMinutes: 60 };

    it("counts minutes per local day, so a second hour starts at local midnight, not a UTC one", () => {
      const result = plan({
        tasks: [task("a", { priority: 1 }), task("b")],
        windows: [window("work", "17:00", "21:00")],
        options: kathmandu,
      });
      expect(blocks(result)).toEqual(["a 17:00-18:00", "b 18:15-19:15"]);
    });

    it("lets a block straddle local midnight when each day keeps within the cap", () => {
      const result = plan({
        tasks: [task("early", { minutes: 45, priority: 1 }), task("long", { minutes: 60 })],
        windows: [window("work", "17:00", "21:00")],
        options: kathmandu,
      });
      // Monday has 15 minutes left after "early": "long" takes them and 45 of Tuesday's.
      expect(blocks(result)).toEqual(["early 17:00-17:45", "long 18:00-19:00"]);
    });

    it("leaves a task out when the cap, not the windows, is too small for it", () => {
      const result = plan({
        tasks: [task("a", { minutes: 90 })],
        windows: [window("work", "06:00", "12:00")],
        options: kathmandu,
      });
      expect(result.unplaced).toEqual([
        {
          taskId: "a",
          reason: "no_window_long_enough",
          explanation: "needs 90 min; the daily cap of 60 min leaves at most 60 min in one go",
        },
      ]);
    });

    it("moves to the next day once a day is full", () => {
      const result = plan({
        tasks: [task("a"), task("b"), task("c")],
        windows: [window("work", "09:00", "17:00"), window("work", "09:00", "17:00", "2026-03-03")],
        options: { dailyCapMinutes: 120 },
      });
      expect(result.placements.map((p) => iso(p.start))).toEqual([
        "2026-03-02T09:00",
        "2026-03-02T10:00",
        "2026-03-03T09:00",
      ]);
    });
  });

  describe("splitting", () => {
    const hourlyWindows = ["2026-03-02", "2026-03-03", "2026-03-04"].map((day) =>
      window("work", "09:00", "10:00", day),
    );

    it("reports a task longer than every window when splitting is off", () => {
      const result = plan({ tasks: [task("long", { minutes: 150 })], windows: hourlyWindows });
      expect(result.unplaced).toEqual([
        {
          taskId: "long",
          reason: "no_window_long_enough",
          explanation: "needs 150 min; the longest free window is 60 min",
        },
      ]);
    });

    it("splits a long task into the earliest parts that add up to it", () => {
      const result = plan({
        tasks: [task("long", { minutes: 150, priority: 3 })],
        windows: hourlyWindows,
        options: { split: { enabled: true, minChunkMinutes: 30 } },
      });
      expect(result.placements.map((p) => [iso(p.start), iso(p.end), p.chunk])).toEqual([
        ["2026-03-02T09:00", "2026-03-02T10:00", { index: 1, count: 3 }],
        ["2026-03-03T09:00", "2026-03-03T10:00", { index: 2, count: 3 }],
        ["2026-03-04T09:00", "2026-03-04T09:30", { index: 3, count: 3 }],
      ]);
      expect(result.placements[2]?.explanation).toBe(
        "P3 medium, part 3 of 3 (30 of 150 min), earliest free slot in Work hours",
      );
    });

    it("never leaves a remainder smaller than the minimum part", () => {
      const result = plan({
        tasks: [task("t", { minutes: 100 })],
        windows: [window("work", "09:00", "10:30"), window("work", "11:00", "12:30")],
        options: { split: { enabled: true, minChunkMinutes: 30 } },
      });
      expect(blocks(result)).toEqual(["t 09:00-10:10", "t 11:00-11:30"]);
    });

    it("places nothing of a task that cannot be completed, and frees the time for others", () => {
      const result = plan({
        tasks: [task("huge", { minutes: 240, priority: 5 }), task("small", { minutes: 60 })],
        windows: hourlyWindows,
        options: { split: { enabled: true, minChunkMinutes: 30 } },
      });
      expect(blocks(result)).toEqual(["small 09:00-10:00"]);
      expect(reasons(result)).toEqual(["huge horizon_full"]);
      expect(result.unplaced[0]?.explanation).toBe(
        "needs 240 min (parts of at least 30 min); no free slot left in the next 14 days",
      );
    });

    it("gives back the daily cap a task that could not be completed had taken", () => {
      // "huge" takes 40 minutes on Monday, then finds only 45 of the 50 it still needs
      // before its deadline, so it gives Monday's time and cap back to "small".
      const result = plan({
        tasks: [
          task("huge", { minutes: 90, priority: 5, dueAt: at("09:45", "2026-03-03") }),
          task("small", { minutes: 40 }),
        ],
        windows: [window("work", "09:00", "09:40"), window("work", "09:00", "10:00", "2026-03-03")],
        options: { dailyCapMinutes: 60, horizonDays: 2, split: { enabled: true, minChunkMinutes: 30 } },
      });
      expect(result.placements.map((p) => `${p.taskId} ${iso(p.start)}`)).toEqual(["small 2026-03-02T09:00"]);
      expect(reasons(result)).toEqual(["huge deadline_unreachable"]);
    });

    it("does not split a task shorter than two minimum parts", () => {
      const result = plan({
        tasks: [task("t", { minutes: 90 })],
        windows: hourlyWindows,
        options: { split: { enabled: true, minChunkMinutes: 60 } },
      });
      expect(reasons(result)).toEqual(["t no_window_long_enough"]);
    });
  });

  describe("deadlines", () => {
    it("may end exactly at the deadline, and names the deadline's day in the user's zone", () => {
      const result = plan({
        tasks: [task("a", { dueAt: at("10:00") })],
        windows: [window("work", "09:00", "17:00")],
        options: { timeZone: "Asia/Kathmandu" },
      });
      expect(blocks(result)).toEqual(["a 09:00-10:00"]);
      expect(result.placements[0]?.explanation).toBe(
        "No priority, earliest free slot in Work hours, before deadline Mon 2 Mar",
      );
    });

    it("never places a task after its deadline", () => {
      const result = plan({
        tasks: [task("first", { priority: 5, dueAt: at("10:00") }), task("late", { dueAt: at("10:30") })],
        windows: [window("work", "09:00", "17:00")],
        options: { timeZone: "Asia/Kathmandu" },
      });
      expect(blocks(result)).toEqual(["first 09:00-10:00"]);
      expect(result.unplaced).toEqual([
        {
          taskId: "late",
          reason: "deadline_unreachable",
          explanation: "needs 60 min; no free slot before deadline Mon 2 Mar 16:15",
        },
      ]);
    });

    it("says when a deadline has already passed", () => {
      const result = plan({
        tasks: [task("a", { dueAt: at("08:00") })],
        windows: [window("work", "09:00", "17:00")],
        now: at("08:30"),
      });
      expect(result.unplaced[0]).toMatchObject({
        reason: "deadline_unreachable",
        explanation: "needs 60 min; deadline Mon 2 Mar 08:00 has passed",
      });
    });

    it("splits a task to meet its deadline when a whole slot would be too late", () => {
      const result = plan({
        tasks: [task("a", { minutes: 90, dueAt: at("12:00") })],
        windows: [window("work", "09:00", "10:00"), window("work", "11:00", "12:00"), window("work", "13:00", "16:00")],
        options: { split: { enabled: true, minChunkMinutes: 30 } },
      });
      expect(blocks(result)).toEqual(["a 09:00-10:00", "a 11:00-11:30"]);
    });
  });

  describe("horizon", () => {
    it("ignores windows from now + horizonDays on", () => {
      const result = plan({
        tasks: [task("a")],
        windows: [window("work", "09:00", "17:00", "2026-03-05")],
        options: { horizonDays: 3 },
      });
      expect(result.unplaced).toEqual([
        {
          taskId: "a",
          reason: "no_window_long_enough",
          explanation: "needs 60 min; there is no free window in the next 3 days",
        },
      ]);
    });

    it("reports horizon_full once the free time is used up", () => {
      const result = plan({
        tasks: [task("a", { priority: 1 }), task("b", { plannerId: "work" })],
        windows: [window("work", "09:00", "10:00")],
        options: { horizonDays: 1 },
      });
      expect(result.unplaced).toEqual([
        {
          taskId: "b",
          reason: "horizon_full",
          explanation: "needs 60 min; no free slot in Work hours left in the next day",
        },
      ]);
    });

    it("calls a task with a deadline past the horizon horizon_full, not deadline_unreachable", () => {
      const result = plan({
        tasks: [task("a", { priority: 1 }), task("b", { dueAt: at("12:00", "2026-03-20") })],
        windows: [window("work", "09:00", "10:00")],
        options: { horizonDays: 2 },
      });
      expect(reasons(result)).toEqual(["b horizon_full"]);
    });

    it("reports the longest free window a too-long task could have used", () => {
      const result = plan({
        tasks: [task("a", { minutes: 600, plannerId: "work" })],
        windows: [window("work", "09:00", "17:00"), window("side", "00:00", "23:00")],
        busy: [{ start: at("12:00"), end: at("13:00") }],
      });
      expect(result.unplaced[0]?.explanation).toBe("needs 600 min; the longest free window in Work hours is 240 min");
    });
  });

  it("rejects an unknown time zone and a bad now", () => {
    const base = { tasks: [], planners: [], windows: [], busy: [], now: at("00:00"), options: options() };
    expect(() => planSchedule({ ...base, options: options({ timeZone: "Mars/Olympus" }) })).toThrow(DomainError);
    expect(() => planSchedule({ ...base, now: new Date(Number.NaN) })).toThrow(DomainError);
  });
});

describe("ZPlanOptions", () => {
  it("fills the defaults and leaves the zone to the caller", () => {
    expect(ZPlanOptions.parse({})).toEqual({
      horizonDays: 14,
      bufferMinutes: 10,
      dailyCapMinutes: null,
      split: { enabled: false, minChunkMinutes: 30 },
      strategy: "spread",
      makeRoom: true,
    });
  });

  it("keeps options in range", () => {
    expect(ZPlanOptions.safeParse({ horizonDays: 91 }).success).toBe(false);
    expect(ZPlanOptions.safeParse({ horizonDays: 0 }).success).toBe(false);
    expect(ZPlanOptions.safeParse({ bufferMinutes: 121 }).success).toBe(false);
    expect(ZPlanOptions.safeParse({ dailyCapMinutes: 0 }).success).toBe(false);
    expect(ZPlanOptions.safeParse({ timeZone: "Nowhere/Land" }).success).toBe(false);
    expect(ZPlanOptions.parse({ timeZone: "Asia/Kathmandu", split: { enabled: true } }).split).toEqual({
      enabled: true,
      minChunkMinutes: 30,
    });
  });
});
