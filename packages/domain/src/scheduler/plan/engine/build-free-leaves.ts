import type { EngineWindow, Interval } from "./engine-types.ts";

/** A stretch of one window that no busy time touches: the unit the planner searches. */
export type FreeLeaf = { plannerId: string; start: number; end: number };

export type BuildFreeLeavesInput = {
  windows: EngineWindow[];
  busy: Interval[];
  /** Epoch ms; nothing is free before it (now). */
  from: number;
  /** Epoch ms; nothing is free from it on (the horizon). */
  to: number;
  /** Kept free around busy time as well as around placed blocks. */
  bufferMs: number;
};

/**
 * Windows clipped to [from, to) minus busy time and its buffer, sorted by start, end and
 * planner so the result does not depend on the order of the input arrays. Leaves never
 * merge across windows: a block must lie inside a single window.
 */
export function buildFreeLeaves({ windows, busy, from, to, bufferMs }: BuildFreeLeavesInput): FreeLeaf[] {
  const blocked = mergeIntervals(
    busy.map((interval) => [interval.start.getTime() - bufferMs, interval.end.getTime() + bufferMs] as const),
  );
  const clipped = windows
    .map((window) => ({
      plannerId: window.plannerId,
      start: Math.max(window.start.getTime(), from),
      end: Math.min(window.end.getTime(), to),
    }))
    .filter((window) => window.end > window.start)
    .sort(compareLeaves);

  const leaves: FreeLeaf[] = [];
  let previous: FreeLeaf | undefined;
  for (const window of clipped) {
    // An exact duplicate adds no time, only a second copy of the same choice.
    if (
      previous &&
      previous.plannerId === window.plannerId &&
      previous.start === window.start &&
      previous.end === window.end
    )
      continue;
    previous = window;
    let cursor = window.start;
    for (let i = firstEndingAfter(blocked, cursor); i < blocked.length; i++) {
      const [blockStart, blockEnd] = blocked[i] ?? [0, 0];
      if (blockStart >= window.end) break;
      if (blockStart > cursor) leaves.push({ plannerId: window.plannerId, start: cursor, end: blockStart });
      cursor = Math.max(cursor, blockEnd);
      if (cursor >= window.end) break;
    }
    if (cursor < window.end) leaves.push({ plannerId: window.plannerId, start: cursor, end: window.end });
  }
  return leaves.sort(compareLeaves);
}

function compareLeaves(a: FreeLeaf, b: FreeLeaf): number {
  return a.start - b.start || a.end - b.end || (a.plannerId < b.plannerId ? -1 : a.plannerId > b.plannerId ? 1 : 0);
}

function mergeIntervals(intervals: (readonly [number, number])[]): [number, number][] {
  const sorted = intervals.filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Index of the first merged interval ending after `at` (they are disjoint, so ends are sorted). */
function firstEndingAfter(intervals: [number, number][], at: number): number {
  let lo = 0;
  let hi = intervals.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((intervals[mid]?.[1] ?? 0) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
