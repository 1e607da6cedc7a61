import type { FreeLeaf } from "./build-free-leaves.ts";
import { createDayBudget } from "./create-day-budget.ts";
import { createMaxTree, type MaxTree } from "./create-max-tree.ts";
import { createSumTree, type SumTree } from "./create-sum-tree.ts";
import { lastIndexBelow } from "./last-index-below.ts";

/** Where a block can start, and how far it could run from there without a break. */
export type FreeSlot = { leaf: number; start: number; end: number };

/** The longest block the empty plan could hold: ignoring the cap, and within it. */
export type LongestBlock = { free: number; capped: number };

export type FreeTime = {
  /**
   * The earliest start of a block of `length` ms in the given planner's windows (any
   * window for null) that ends by `limit` and stays within the daily cap; null if none.
   * With `from`, only leaves starting at or after it are searched (spread's day cursor).
   * With `notBefore`, no slot starts before it (a task's startAfter): a leaf that begins
   * earlier is searched from that instant on.
   */
  findSlot(plannerId: string | null, length: number, limit: number, from?: number, notBefore?: number): FreeSlot | null;
  /** Whether [start, end) is still free in one of the planner's windows (any for null) and within the cap. */
  isFree(plannerId: string | null, start: number, end: number): boolean;
  /** Takes [start, end) plus the buffer around it out of every window, and charges the cap. */
  reserve(start: number, end: number): void;
  /** A point to roll back to, for split tasks that turn out not to fit. */
  checkpoint(): number;
  rollback(to: number): void;
  /**
   * An upper bound on the minutes (in ms) parts of at least minPartMs could still take in
   * the given planner's windows before `limit`; cheap, so a split that cannot possibly
   * complete is refused before it places and takes back dozens of parts.
   */
  capacityBefore(plannerId: string | null, limit: number): number;
  plannerOf(leaf: number): string;
  longestBlock(plannerId: string | null): LongestBlock;
};

export type CreateFreeTimeInput = {
  leaves: FreeLeaf[];
  bufferMs: number;
  /** null: no daily cap. */
  capMs: number | null;
  /** From listLocalDayStarts; only read when there is a cap. */
  dayStarts: number[];
  /** The smallest part of a split task; null when splitting is off. */
  minPartMs: number | null;
};

type Pool = {
  tree: MaxTree;
  capacity: SumTree;
  leaves: Int32Array;
  starts: Float64Array;
  /** The latest end among the pool's leaves up to each position: which leaves reach past an instant. */
  maxEndUpTo: Float64Array;
};
type UndoEntry = { leaf: number; pieces: number[] } | { day: number; remaining: number };

/**
 * The free time left for planning. Each leaf (a busy-free stretch of one window) holds its
 * still-free pieces; one max tree per planner, plus one over every leaf, stores the
 * longest usable piece of each leaf in start order, so a task finds its earliest slot in
 * O(log n) no matter how much is already planned. With a daily cap a leaf's value is the
 * longest run its days still allow, so full days drop out of the search instead of being
 * rescanned by every later task.
 */
export function createFreeTime({ leaves, bufferMs, capMs, dayStarts, minPartMs }: CreateFreeTimeInput): FreeTime {
  const count = leaves.length;
  const leafStart = Float64Array.from(leaves, (leaf) => leaf.start);
  const leafEnd = Float64Array.from(leaves, (leaf) => leaf.end);
  const pieces: number[][] = leaves.map((leaf) => [leaf.start, leaf.end]);
  const maxPiece = Float64Array.from(leaves, (leaf) => leaf.end - leaf.start);

  // Leaves are sorted by start but may overlap (several planners, overlapping windows):
  // the running maximum of ends lets a reservation find every leaf it touches.
  const maxEndUpTo = new Float64Array(count);
  for (let i = 0; i < count; i++) maxEndUpTo[i] = Math.max(leafEnd[i] ?? 0, i > 0 ? (maxEndUpTo[i - 1] ?? 0) : 0);

  const createPool = (members: number[]): Pool => {
    const maxEnd = new Float64Array(members.length);
    members.forEach((leaf, i) => {
      maxEnd[i] = Math.max(leafEnd[leaf] ?? 0, i > 0 ? (maxEnd[i - 1] ?? 0) : 0);
    });
    return {
      tree: createMaxTree(members.length),
      capacity: createSumTree(minPartMs === null ? 0 : members.length),
      leaves: Int32Array.from(members),
      starts: Float64Array.from(members, (leaf) => leafStart[leaf] ?? 0),
      maxEndUpTo: maxEnd,
    };
  };
  const all = createPool(leaves.map((_, i) => i));
  const pools = new Map<string, Pool>();
  const positionInPool = new Int32Array(count);
  const byPlanner = new Map<string, number[]>();
  leaves.forEach((leaf, i) => {
    const list = byPlanner.get(leaf.plannerId) ?? [];
    positionInPool[i] = list.length;
    list.push(i);
    byPlanner.set(leaf.plannerId, list);
  });
  for (const [plannerId, list] of byPlanner) {
    pools.set(plannerId, createPool(list));
  }

  const budget = capMs === null ? null : createDayBudget(dayStarts, capMs);
  // With a cap, each leaf's value depends on its days, so a day's change refreshes its leaves.
  const firstDay = new Int32Array(count);
  const lastDay = new Int32Array(count);
  const leavesOfDay = new Map<number, number[]>();
  if (budget) {
    for (let leaf = 0; leaf < count; leaf++) {
      firstDay[leaf] = budget.indexOf(leafStart[leaf] ?? 0);
      lastDay[leaf] = budget.indexOf((leafEnd[leaf] ?? 0) - 1);
      for (let day = firstDay[leaf] ?? 0; day <= (lastDay[leaf] ?? -1); day++) {
        const list = leavesOfDay.get(day) ?? [];
        list.push(leaf);
        leavesOfDay.set(day, list);
      }
    }
  }
  const undo: UndoEntry[] = [];

  /**
   * The longest block the leaf can still take: its longest free piece, and with a cap the
   * longest run the days it touches still allow, so the tree never sends a task to a
   * leaf that cannot take it and full days cost later tasks nothing.
   */
  const usable = (leaf: number): number => {
    const longest = maxPiece[leaf] ?? 0;
    if (!budget) return longest;
    const day = firstDay[leaf] ?? 0;
    if (day === lastDay[leaf]) return Math.min(longest, budget.remaining(day));
    const free = pieces[leaf] ?? [];
    let best = 0;
    for (let i = 0; i < free.length; i += 2) best = Math.max(best, budget.longestRun(free[i] ?? 0, free[i + 1] ?? 0));
    return best;
  };

  /** What parts could take from the leaf: its pieces long enough for a part, within what its days have left. */
  const partCapacity = (leaf: number, minPart: number): number => {
    const free = pieces[leaf] ?? [];
    let sum = 0;
    for (let i = 0; i < free.length; i += 2) {
      const length = (free[i + 1] ?? 0) - (free[i] ?? 0);
      if (length >= minPart) sum += length;
    }
    if (!budget) return sum;
    const first = firstDay[leaf] ?? 0;
    const last = lastDay[leaf] ?? -1;
    // Inside one day a part needs that day to have a whole part left; across midnight it may
    // take a little from each side.
    if (first === last) {
      const remaining = budget.remaining(first);
      return remaining >= minPart ? Math.min(sum, remaining) : 0;
    }
    let allowed = 0;
    for (let day = first; day <= last; day++) allowed += budget.remaining(day);
    return Math.min(sum, allowed);
  };

  const refresh = (leaf: number): void => {
    const value = usable(leaf);
    const pool = pools.get(leaves[leaf]?.plannerId ?? "");
    const position = positionInPool[leaf] ?? 0;
    all.tree.set(leaf, value);
    pool?.tree.set(position, value);
    if (minPartMs !== null) {
      const capacity = partCapacity(leaf, minPartMs);
      all.capacity.set(leaf, capacity);
      pool?.capacity.set(position, capacity);
    }
  };
  for (let i = 0; i < count; i++) refresh(i);

  const setPieces = (leaf: number, next: number[]): void => {
    pieces[leaf] = next;
    let longest = 0;
    for (let i = 0; i < next.length; i += 2) longest = Math.max(longest, (next[i + 1] ?? 0) - (next[i] ?? 0));
    maxPiece[leaf] = longest;
  };

  const fitInLeaf = (
    leaf: number,
    length: number,
    limit: number,
    notBefore = Number.NEGATIVE_INFINITY,
  ): FreeSlot | null => {
    const free = pieces[leaf] ?? [];
    for (let i = 0; i < free.length; i += 2) {
      if ((free[i + 1] ?? 0) <= notBefore) continue;
      const from = Math.max(free[i] ?? 0, notBefore);
      const to = Math.min(free[i + 1] ?? 0, limit);
      if (from + length > limit) return null;
      if (from + length > to) continue;
      if (!budget) return { leaf, start: from, end: to };
      const start = budget.earliestStart(from, to, length);
      if (start !== null) return { leaf, start, end: budget.reach(start, to) };
    }
    return null;
  };

  const carve = (leaf: number, from: number, to: number): void => {
    const free = pieces[leaf] ?? [];
    const next: number[] = [];
    let changed = false;
    for (let i = 0; i < free.length; i += 2) {
      const start = free[i] ?? 0;
      const end = free[i + 1] ?? 0;
      if (end <= from || start >= to) {
        next.push(start, end);
        continue;
      }
      changed = true;
      if (start < from) next.push(start, from);
      if (end > to) next.push(to, end);
    }
    if (!changed) return;
    undo.push({ leaf, pieces: free });
    setPieces(leaf, next);
    refresh(leaf);
  };

  /** The first leaf from `position` on (in pool order) with room for `length` before `limit`. */
  const firstFitFrom = (pool: Pool, position: number, length: number, limit: number): FreeSlot | null => {
    // Leaves are contiguous and every reservation and cap applies to all of them alike,
    // so a leaf that starts later can never fit earlier than the first leaf that fits.
    for (let from = position; ; ) {
      const found = pool.tree.findFirst(from, length);
      if (found < 0) return null;
      const leaf = pool.leaves[found] ?? 0;
      if ((leafStart[leaf] ?? 0) + length > limit) return null;
      const slot = fitInLeaf(leaf, length, limit);
      if (slot) return slot;
      from = found + 1;
    }
  };

  const longestByPlanner = new Map<string, LongestBlock>();
  const longestOverall: LongestBlock = { free: 0, capped: 0 };
  for (const leaf of leaves) {
    const free = leaf.end - leaf.start;
    // Nothing is reserved yet, so every day still has its full cap.
    const capped = budget ? budget.longestRun(leaf.start, leaf.end) : free;
    const current = longestByPlanner.get(leaf.plannerId) ?? { free: 0, capped: 0 };
    longestByPlanner.set(leaf.plannerId, {
      free: Math.max(current.free, free),
      capped: Math.max(current.capped, capped),
    });
    longestOverall.free = Math.max(longestOverall.free, free);
    longestOverall.capped = Math.max(longestOverall.capped, capped);
  }

  return {
    findSlot(plannerId, length, limit, fromMs, notBefore) {
      const pool = plannerId === null ? all : pools.get(plannerId);
      if (!pool) return null;
      const treeFrom = Math.max(fromMs ?? Number.NEGATIVE_INFINITY, notBefore ?? Number.NEGATIVE_INFINITY);
      const later = firstFitFrom(
        pool,
        treeFrom === Number.NEGATIVE_INFINITY ? 0 : lastIndexBelow(pool.starts, treeFrom) + 1,
        length,
        limit,
      );
      if (notBefore === undefined || (fromMs !== undefined && fromMs > notBefore)) return later;
      // Leaves that begin before notBefore but reach past it: the tree searches whole leaves,
      // so these few (one per overlapping window at most) are searched from notBefore directly.
      let best = later;
      for (
        let position = lastIndexBelow(pool.starts, notBefore);
        position >= 0 && (pool.maxEndUpTo[position] ?? 0) > notBefore;
        position--
      ) {
        const leaf = pool.leaves[position] ?? 0;
        if ((leafEnd[leaf] ?? 0) <= notBefore) continue;
        const slot = fitInLeaf(leaf, length, limit, notBefore);
        if (slot && (best === null || slot.start <= best.start)) best = slot;
      }
      return best;
    },

    isFree(plannerId, start, end) {
      if (budget && budget.earliestStart(start, end, end - start) !== start) return false;
      for (let leaf = lastIndexBelow(leafStart, start + 1); leaf >= 0 && (maxEndUpTo[leaf] ?? 0) >= end; leaf--) {
        if (plannerId !== null && leaves[leaf]?.plannerId !== plannerId) continue;
        const free = pieces[leaf] ?? [];
        for (let i = 0; i < free.length; i += 2) {
          if ((free[i] ?? 0) <= start && end <= (free[i + 1] ?? 0)) return true;
        }
      }
      return false;
    },

    reserve(start, end) {
      if (budget) {
        const touched: number[] = [];
        budget.charge(start, end, (day, remaining) => {
          undo.push({ day, remaining });
          touched.push(day);
        });
        for (const day of touched) for (const leaf of leavesOfDay.get(day) ?? []) refresh(leaf);
      }
      const from = start - bufferMs;
      const to = end + bufferMs;
      for (let leaf = lastIndexBelow(leafStart, to); leaf >= 0 && (maxEndUpTo[leaf] ?? 0) > from; leaf--) {
        if ((leafEnd[leaf] ?? 0) > from) carve(leaf, from, to);
      }
    },

    checkpoint: () => undo.length,

    rollback(to) {
      const stale = new Set<number>();
      while (undo.length > to) {
        const entry = undo.pop();
        if (!entry) break;
        if ("leaf" in entry) {
          setPieces(entry.leaf, entry.pieces);
          stale.add(entry.leaf);
        } else {
          budget?.restore(entry.day, entry.remaining);
          for (const leaf of leavesOfDay.get(entry.day) ?? []) stale.add(leaf);
        }
      }
      for (const leaf of stale) refresh(leaf);
    },

    capacityBefore(plannerId, limit) {
      const pool = plannerId === null ? all : pools.get(plannerId);
      return pool ? pool.capacity.sumFirst(lastIndexBelow(pool.starts, limit) + 1) : 0;
    },

    plannerOf: (leaf) => leaves[leaf]?.plannerId ?? "",

    longestBlock: (plannerId) =>
      plannerId === null ? { ...longestOverall } : { ...(longestByPlanner.get(plannerId) ?? { free: 0, capped: 0 }) },
  };
}
