import type { FreeLeaf } from "./build-free-leaves.ts";
import { lastIndexBelow } from "./last-index-below.ts";
import type { DeadlineClass } from "./sort-tasks-for-planning.ts";

/** Where "spread" plans each task: the first day of the horizon still below its share. */
export type Spread = {
  /** Where the search for the next task of this deadline class starts (a local midnight, or now). */
  searchFrom(dueClass: DeadlineClass): number;
  /** Counts a placed (or kept) block towards the day it starts on. */
  record(start: number, length: number, searchedFrom: number): void;
};

export type CreateSpreadInput = {
  leaves: FreeLeaf[];
  /** From listLocalDayStarts over [now, horizon end). */
  dayStarts: number[];
  /**
   * Per deadline class: the time its tasks want and the instant they must end by (the
   * latest deadline in the class, or the horizon's end). A class shares out only the days
   * it can use, so tasks due Tuesday spread over Monday and Tuesday, not the whole week.
   */
  classes: Map<DeadlineClass, { totalMs: number; until: number }>;
  /** The daily cap, if any: no day can take more. */
  capMs: number | null;
  /** Time already held by blocks that stay (they count as capacity and as load). */
  kept: { start: number; length: number }[];
};

/**
 * Spreading by water-filling: a class's share (target) is the level T at which the
 * capacities of the days it can use, each cut at T, add up to the time already planned
 * there plus the class's own, so a day that cannot hold T is filled and the rest get T. Each deadline class keeps a cursor that only moves
 * forward: a task is searched from the first day whose load is still under the share, so
 * higher-ranked tasks of a class never land after lower-ranked ones that fit the same
 * place. O(days log days) to set up, O(1) amortised per task.
 */
export function createSpread({ leaves, dayStarts, classes, capMs, kept }: CreateSpreadInput): Spread {
  const dayCount = Math.max(0, dayStarts.length - 1);
  const dayOf = (epochMs: number) => Math.min(dayCount - 1, Math.max(0, lastIndexBelow(dayStarts, epochMs + 1)));
  const capacity = new Float64Array(dayCount);
  const addSpan = (start: number, end: number) => {
    for (let day = dayOf(start), cursor = start; cursor < end && day < dayCount; day++) {
      const next = Math.min(dayStarts[day + 1] ?? end, end);
      capacity[day] = (capacity[day] ?? 0) + (next - cursor);
      cursor = next;
    }
  };
  for (const leaf of leaves) addSpan(leaf.start, leaf.end);
  for (const block of kept) addSpan(block.start, block.start + block.length);
  if (capMs !== null) for (let day = 0; day < dayCount; day++) capacity[day] = Math.min(capacity[day] ?? 0, capMs);

  const load = new Float64Array(dayCount);
  const targets = new Map<DeadlineClass, number>();
  // A day where a task searched from found no room: later tasks start past it.
  const exhausted = new Uint8Array(dayCount);
  const cursors = new Map<DeadlineClass, number>();
  const full = (day: number, target: number) =>
    exhausted[day] === 1 || (capacity[day] ?? 0) === 0 || (load[day] ?? 0) >= Math.min(target, capacity[day] ?? 0);
  /** The class's share per day, set when its first task is planned: what is already there counts. */
  const targetOf = (dueClass: DeadlineClass): number => {
    const known = targets.get(dueClass);
    if (known !== undefined) return known;
    const { totalMs, until } = classes.get(dueClass) ?? { totalMs: 0, until: dayStarts[dayCount] ?? 0 };
    const days = dayOf(until - 1) + 1;
    let already = 0;
    for (let day = 0; day < days; day++) already += load[day] ?? 0;
    const target = waterLevel(capacity.subarray(0, days), already + totalMs);
    targets.set(dueClass, target);
    return target;
  };

  for (const block of kept) load[dayOf(block.start)] = (load[dayOf(block.start)] ?? 0) + block.length;

  return {
    searchFrom(dueClass) {
      const target = targetOf(dueClass);
      let day = cursors.get(dueClass) ?? 0;
      while (day < dayCount - 1 && full(day, target)) day++;
      cursors.set(dueClass, day);
      // Day 0 began before now; its start is still the right lower bound for the search.
      return dayStarts[day] ?? 0;
    },
    record(start, length, searchedFrom) {
      const day = dayOf(start);
      load[day] = (load[day] ?? 0) + length;
      const from = dayOf(searchedFrom);
      if (day > from) exhausted[from] = 1;
    },
  };
}

/** The level T with sum(min(capacity, T)) = total; Infinity when everything cannot fit anyway. */
function waterLevel(capacity: Float64Array, total: number): number {
  // A typed array sorts numerically without a comparator: a class per due day costs little.
  const sorted = Float64Array.from(capacity).sort();
  let left = total;
  let days = sorted.length;
  for (const cap of sorted) {
    if (cap * days <= left) {
      left -= cap;
      days--;
      continue;
    }
    return left / days;
  }
  return Number.POSITIVE_INFINITY;
}
