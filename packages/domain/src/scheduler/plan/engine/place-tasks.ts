import { buildFreeLeaves } from "./build-free-leaves.ts";
import { createFreeTime, type FreeSlot } from "./create-free-time.ts";
import { createSpread } from "./create-spread.ts";
import type {
  EnginePlanner,
  EngineTask,
  EngineWindow,
  Interval,
  Placement,
  Unplaced,
  UnplacedReason,
} from "./engine-types.ts";
import { explainPlacement } from "./explain-placement.ts";
import { explainUnplaced } from "./explain-unplaced.ts";
import { listLocalDayStarts } from "./list-local-day-starts.ts";
import { placeInParts } from "./place-in-parts.ts";
import type { PlanOptions } from "./schemas.ts";
import { type DeadlineClass, deadlineClassifier, sortTasksForPlanning } from "./sort-tasks-for-planning.ts";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export type PlaceTasksInput = {
  tasks: EngineTask[];
  plannerById: Map<string, EnginePlanner>;
  windows: EngineWindow[];
  /** Busy time, blocks that stay where they are included. */
  busy: Interval[];
  /** Blocks that stay where they are (already in `busy`): spread counts them as load. */
  kept: Interval[];
  /**
   * Tasks moved out of the way to make room: each goes back to its old slot when that is
   * still free once the tasks due inside the horizon are placed, else it is planned anew.
   */
  released: Map<string, Interval>;
  nowMs: number;
  options: PlanOptions;
};

export type PlaceTasksResult = {
  placements: Placement[];
  unplaced: Unplaced[];
  /** Released tasks that went back where they were. */
  restored: Set<string>;
};

/**
 * One planning pass: each task, in ranking order, takes the earliest slot from now that
 * fits whole (with "spread", from the first day still under its share; failing that, the
 * earliest anywhere), or when splitting is on the earliest parts, keeping the buffer, the
 * daily cap and its deadline.
 */
export function placeTasks({
  tasks,
  plannerById,
  windows,
  busy,
  kept,
  released,
  nowMs,
  options,
}: PlaceTasksInput): PlaceTasksResult {
  const { timeZone, horizonDays } = options;
  const horizonEnd = nowMs + horizonDays * DAY_MS;
  const bufferMs = options.bufferMinutes * MINUTE_MS;
  const capMs = options.dailyCapMinutes === null ? null : options.dailyCapMinutes * MINUTE_MS;
  const minPartMs = options.split.enabled ? options.split.minChunkMinutes * MINUTE_MS : null;
  const spreading = options.strategy === "spread";
  const classOf = deadlineClassifier(horizonEnd, timeZone);

  const leaves = buildFreeLeaves({
    windows: windows.filter((window) => plannerById.get(window.plannerId)?.active === true),
    busy,
    from: nowMs,
    to: horizonEnd,
    bufferMs,
  });
  const dayStarts = capMs === null && !spreading ? [] : listLocalDayStarts(nowMs, horizonEnd, timeZone);
  const free = createFreeTime({ leaves, bufferMs, capMs, dayStarts: capMs === null ? [] : dayStarts, minPartMs });
  const placeable = tasks.filter((task) => task.plannerId === null || plannerById.get(task.plannerId)?.active === true);
  const keptBlocks = kept.map((block) => ({
    start: block.start.getTime(),
    length: block.end.getTime() - block.start.getTime(),
  }));
  const spread = spreading
    ? createSpread({
        leaves,
        dayStarts,
        classes: classTotals(placeable, horizonEnd, classOf),
        capMs,
        kept: keptBlocks,
      })
    : null;

  const placed: Placed[] = [];
  const unplaced: Unplaced[] = [];
  const restored = new Set<string>();
  const ranked = sortTasksForPlanning(tasks, horizonEnd, timeZone);
  let restoredYet = released.size === 0;

  /** Released tasks whose old slot is still free take it back, before any undated task could. */
  const restoreReleased = () => {
    restoredYet = true;
    for (const task of ranked) {
      const old = released.get(task.id);
      if (!old) continue;
      const start = old.start.getTime();
      const end = old.end.getTime();
      if (start < notBeforeOf(task) || !free.isFree(task.plannerId, start, end)) continue;
      free.reserve(start, end);
      spread?.record(start, end - start, start);
      restored.add(task.id);
    }
  };

  for (const task of ranked) {
    const dueClass = classOf(task);
    if (!restoredYet && dueClass === null) restoreReleased();
    if (restored.has(task.id)) continue;
    const length = task.minutes * MINUTE_MS;
    const dueAt = task.dueAt === null ? null : task.dueAt.getTime();
    const planner = task.plannerId === null ? null : (plannerById.get(task.plannerId) ?? null);
    // A later occurrence of a repeating task is one block on its day (its block is stored whole).
    const splittable = minPartMs !== null && length >= 2 * minPartMs && !task.occurrence;
    const longest = free.longestBlock(task.plannerId);

    const leaveOut = (reason: UnplacedReason) => {
      const explanation = explainUnplaced({
        reason,
        minutes: task.minutes,
        plannerName: planner?.name ?? null,
        longest,
        capMinutes: options.dailyCapMinutes,
        minChunkMinutes: splittable ? options.split.minChunkMinutes : null,
        dueAt,
        startAfter: task.startAfter ? task.startAfter.getTime() : null,
        now: nowMs,
        horizonDays,
        timeZone,
      });
      unplaced.push({ taskId: task.id, reason, explanation });
    };

    if (task.plannerId !== null && planner?.active !== true) {
      leaveOut("planner_inactive");
      continue;
    }
    const notBefore = notBeforeOf(task);
    if (notBefore >= horizonEnd) {
      leaveOut("starts_after_horizon");
      continue;
    }
    // Even the smallest block this task could use fits nowhere, whatever else is planned.
    if ((splittable ? minPartMs : length) > longest.capped) {
      leaveOut("no_window_long_enough");
      continue;
    }
    const limit = dueAt === null ? horizonEnd : Math.min(dueAt, horizonEnd);
    const searchFrom = spread?.searchFrom(dueClass);
    // Before startAfter (or now) nothing is free for this task; the search starts there.
    const earliest = free.findSlot(task.plannerId, length, limit, undefined, notBefore);
    const spreadSlot =
      earliest === null || searchFrom === undefined || searchFrom <= earliest.start
        ? earliest
        : free.findSlot(task.plannerId, length, limit, searchFrom, notBefore);
    // Spread found no room from its cursor on: the earliest slot anywhere still beats none.
    const whole: FreeSlot | null = spreadSlot ?? earliest;
    const spreadOut = whole !== null && earliest !== null && whole.start > earliest.start;
    if (whole) {
      free.reserve(whole.start, whole.start + length);
      // A day passed over only because the task may not start yet is not full for the others.
      const searchedFrom = searchFrom !== undefined && searchFrom >= notBefore ? searchFrom : whole.start;
      spread?.record(whole.start, length, searchedFrom);
    }
    const blocks = whole
      ? [{ ...whole, end: whole.start + length }]
      : splittable
        ? placeInParts({ free, plannerId: task.plannerId, length, minPartMs, limit, notBefore })
        : null;
    if (!blocks) {
      leaveOut(dueAt !== null && dueAt < horizonEnd ? "deadline_unreachable" : "horizon_full");
      continue;
    }

    blocks.forEach((block, i) => {
      if (!whole) spread?.record(block.start, block.end - block.start, block.start);
      const chunk = blocks.length > 1 ? { index: i + 1, count: blocks.length } : null;
      placed.push({ task, block, chunk, how: spreadOut ? "spread" : "earliest" });
    });
  }
  if (!restoredYet) restoreReleased();

  // Only spread can land a lower-ranked task before a higher one it could have swapped with.
  const placements = (spreading ? inRankOrder(placed, classOf) : placed).map(({ task, block, chunk, how }) => ({
    taskId: task.id,
    start: new Date(block.start),
    end: new Date(block.end),
    ...(chunk ? { chunk } : {}),
    explanation: explainPlacement({
      priority: task.priority,
      plannerName: plannerById.get(free.plannerOf(block.leaf))?.name ?? "",
      dueAt: task.dueAt === null ? null : task.dueAt.getTime(),
      chunk: chunk && { ...chunk, minutes: (block.end - block.start) / MINUTE_MS, totalMinutes: task.minutes },
      how,
      timeZone,
    }),
  }));
  return { placements, unplaced, restored };
}

/** The earliest instant a task may start: its startAfter, or any time (the leaves already begin at now). */
function notBeforeOf(task: EngineTask): number {
  return task.startAfter ? task.startAfter.getTime() : Number.NEGATIVE_INFINITY;
}

type Placed = {
  task: EngineTask;
  block: FreeSlot;
  chunk: { index: number; count: number } | null;
  how: "earliest" | "spread";
};

/**
 * Whole blocks of interchangeable tasks (same deadline, startAfter, length and planner, so every one of
 * their slots suits each of them) handed out again in ranking order: when spread had to
 * fall back to earlier free time for a lower-ranked task, the higher-ranked one takes the
 * earlier slot, so ranking holds even then. Loads per day do not change.
 */
function inRankOrder(placed: Placed[], classOf: (task: EngineTask) => DeadlineClass): Placed[] {
  const groups = new Map<string, number[]>();
  placed.forEach((entry, index) => {
    if (entry.chunk) return;
    const { task } = entry;
    const key = `${classOf(task)}|${task.dueAt?.getTime()}|${task.startAfter?.getTime()}|${task.minutes}|${task.plannerId}`;
    const list = groups.get(key) ?? [];
    list.push(index);
    groups.set(key, list);
  });
  const result = [...placed];
  for (const indices of groups.values()) {
    if (indices.length < 2) continue;
    // `placed` is in ranking order already; only the slots are sorted.
    const slots = indices
      .map((index) => ({ block: placed[index]?.block, how: placed[index]?.how }))
      .sort((a, b) => (a.block?.start ?? 0) - (b.block?.start ?? 0));
    indices.forEach((index, i) => {
      const entry = placed[index];
      const slot = slots[i];
      if (entry && slot?.block && slot.how) result[index] = { ...entry, block: slot.block, how: slot.how };
    });
  }
  return result;
}

/** What each deadline class wants to place, and by when (its latest deadline, or the horizon's end). */
function classTotals(
  tasks: EngineTask[],
  horizonEnd: number,
  classOf: (task: EngineTask) => DeadlineClass,
): Map<DeadlineClass, { totalMs: number; until: number }> {
  const classes = new Map<DeadlineClass, { totalMs: number; until: number }>();
  for (const task of tasks) {
    const dueClass = classOf(task);
    const until = dueClass === null ? horizonEnd : Math.min(task.dueAt?.getTime() ?? horizonEnd, horizonEnd);
    const current = classes.get(dueClass) ?? { totalMs: 0, until };
    classes.set(dueClass, {
      totalMs: current.totalMs + task.minutes * MINUTE_MS,
      until: Math.max(current.until, until),
    });
  }
  return classes;
}
