import { lastIndexBelow } from "./last-index-below.ts";

/** What each local day may still take under the daily cap, and where blocks fit within it. */
export type DayBudget = {
  /** The local day an instant falls in. */
  indexOf(epochMs: number): number;
  remaining(day: number): number;
  /** The earliest start in [from, to) for `length` whose share of each day fits what the day has left. */
  earliestStart(from: number, to: number, length: number): number | null;
  /** How far a block starting at `start` can run before `to` or a day's remaining cap stops it. */
  reach(start: number, to: number): number;
  /** The longest block in [from, to) the days still allow. */
  longestRun(from: number, to: number): number;
  /** Takes [start, end) from the days it covers; calls `before` with each day's old value first. */
  charge(start: number, end: number, before: (day: number, remaining: number) => void): void;
  restore(day: number, remaining: number): void;
};

/**
 * A budget of capMs per local day. A block may run across midnight: its minutes count
 * towards each day separately, so a whole day inside it must fit the cap on its own.
 */
export function createDayBudget(dayStarts: number[], capMs: number): DayBudget {
  const left = new Float64Array(Math.max(0, dayStarts.length - 1)).fill(capMs);
  const indexOf = (epochMs: number) => Math.max(0, lastIndexBelow(dayStarts, epochMs + 1));
  const dayEnd = (day: number) => dayStarts[day + 1] ?? Number.POSITIVE_INFINITY;

  return {
    indexOf,
    remaining: (day) => left[day] ?? 0,

    earliestStart(from, to, length) {
      let start = from;
      search: while (start + length <= to) {
        const end = start + length;
        for (let day = indexOf(start), cursor = start; cursor < end; day++) {
          const remaining = left[day] ?? 0;
          if (Math.min(dayEnd(day), end) - cursor > remaining) {
            // Starting later only lowers this day's share once the block starts in it and
            // runs past its end, so the first candidate leaves exactly `remaining` in it.
            start = dayEnd(day) - remaining;
            continue search;
          }
          cursor = dayEnd(day);
        }
        return start;
      }
      return null;
    },

    reach(start, to) {
      for (let day = indexOf(start), cursor = start; cursor < to; day++) {
        const remaining = left[day] ?? 0;
        if (Math.min(dayEnd(day), to) - cursor > remaining) return cursor + remaining;
        cursor = dayEnd(day);
      }
      return to;
    },

    longestRun(from, to) {
      let best = 0;
      // The longest run ending exactly where the current day ends, able to continue.
      let open = Number.NEGATIVE_INFINITY;
      for (let day = indexOf(from), cursor = from; cursor < to; day++) {
        const next = Math.min(dayEnd(day), to);
        const part = next - cursor;
        const remaining = left[day] ?? 0;
        const share = Math.min(part, remaining);
        best = Math.max(best, share, open + share);
        open = Math.max(share, part <= remaining ? open + part : Number.NEGATIVE_INFINITY);
        cursor = next;
      }
      return best;
    },

    charge(start, end, before) {
      for (let day = indexOf(start), cursor = start; cursor < end; day++) {
        const remaining = left[day] ?? 0;
        before(day, remaining);
        left[day] = remaining - (Math.min(dayEnd(day), end) - cursor);
        cursor = dayEnd(day);
      }
    },

    restore(day, remaining) {
      left[day] = remaining;
    },
  };
}
