import type { UnplacedReason } from "./engine-types.ts";
import { formatLocalDay } from "./format-local-day.ts";

export type UnplacedFacts = {
  reason: UnplacedReason;
  minutes: number;
  /** The task's planner: its name, or null when it is unknown or the task has none. */
  plannerName: string | null;
  /** Longest initial free stretches (ms) the task could use, ignoring and within the cap. */
  longest: { free: number; capped: number };
  capMinutes: number | null;
  /** Set when the task could have been split into parts of at least this many minutes. */
  minChunkMinutes: number | null;
  dueAt: number | null;
  /** The task's startAfter, if it has one. */
  startAfter: number | null;
  now: number;
  horizonDays: number;
  timeZone: string;
};

const MINUTE_MS = 60_000;

/** Why a task stays unplanned, in one short sentence a person can act on. */
export function explainUnplaced(facts: UnplacedFacts): string {
  const { minutes, plannerName, longest, minChunkMinutes, timeZone } = facts;
  const inPlanner = plannerName === null ? "" : ` in ${plannerName}`;
  const needs =
    minChunkMinutes === null
      ? `needs ${minutes} min`
      : `needs ${minutes} min (parts of at least ${minChunkMinutes} min)`;
  switch (facts.reason) {
    case "planner_inactive":
      return plannerName === null ? "its planner no longer exists" : `planner ${plannerName} is inactive`;
    case "no_window_long_enough":
      if (longest.free === 0)
        return `${needs}; there is no free window${inPlanner} in the next ${days(facts.horizonDays)}`;
      // The cap, not the windows, is what stops the smallest block this task could use.
      if ((minChunkMinutes ?? minutes) * MINUTE_MS <= longest.free) {
        return `${needs}; the daily cap of ${facts.capMinutes} min leaves at most ${toMinutes(longest.capped)} min in one go`;
      }
      return `${needs}; the longest free window${inPlanner} is ${toMinutes(longest.free)} min`;
    case "deadline_unreachable": {
      const deadline = formatLocalDay(facts.dueAt ?? facts.now, timeZone, true);
      if ((facts.dueAt ?? facts.now) <= facts.now) return `${needs}; deadline ${deadline} has passed`;
      return `${needs}; no free slot${inPlanner} before deadline ${deadline}`;
    }
    case "starts_after_horizon": {
      const startAfter = formatLocalDay(facts.startAfter ?? facts.now, timeZone, true);
      return `starts after ${startAfter}, beyond the next ${days(facts.horizonDays)}; plan again closer to then`;
    }
    case "horizon_full":
      return `${needs}; no free slot${inPlanner} left in the next ${days(facts.horizonDays)}`;
  }
}

function toMinutes(ms: number): number {
  return Math.floor(ms / MINUTE_MS);
}

function days(count: number): string {
  return count === 1 ? "day" : `${count} days`;
}
