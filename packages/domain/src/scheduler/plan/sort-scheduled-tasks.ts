import { overlapsAny } from "../tasks/overlaps-any.ts";
import type { EngineTask, Interval, MovableBlock } from "./engine/index.ts";

/** A scheduled open task as computePlan reads it. */
export type ScheduledTaskRow = EngineTask & {
  startTime: Date | null;
  endTime: Date | null;
  plannedStart: Date | null;
  blocks: Interval[];
};

export type SortedScheduledTasks = {
  /** Time the plan must go around: the person's tasks, tasks already under way, split ones. */
  busy: Interval[];
  /** Planner-placed blocks that may move to make room. */
  movable: MovableBlock[];
  /** Planner-placed tasks a busy calendar event now overlaps: planned again, with where they were. */
  conflicting: MovableBlock[];
  /** Planner-placed tasks whose startAfter was set past their start since: planned again, with where they were. */
  tooEarly: MovableBlock[];
};

/**
 * Sorts the scheduled tasks of a plan. A task is the planner's while its start is still
 * the one the planner gave it (plannedStart) and it has not begun; it is then movable,
 * or planned again when a calendar event overlaps it or it now starts before its
 * startAfter. Everything else stays put.
 * `calendarBusy` is sorted and merged (as computePlan reads it), so each check is a
 * binary search.
 */
export function sortScheduledTasks({
  rows,
  calendarBusy,
  from,
}: {
  rows: ScheduledTaskRow[];
  calendarBusy: Interval[];
  from: Date;
}): SortedScheduledTasks {
  const busy: Interval[] = [];
  const movable: MovableBlock[] = [];
  const conflicting: MovableBlock[] = [];
  const tooEarly: MovableBlock[] = [];
  for (const row of rows) {
    const { startTime: start, endTime: end, plannedStart, blocks, ...task } = row;
    if (blocks.length > 0) {
      busy.push(...blocks);
      continue;
    }
    if (!start || !end) continue;
    const plannersOwn = plannedStart !== null && plannedStart.getTime() === start.getTime() && start >= from;
    if (!plannersOwn) {
      busy.push({ start, end });
      continue;
    }
    if (task.startAfter && start < task.startAfter) tooEarly.push({ task, start, end });
    else (overlapsAny(calendarBusy, start, end) ? conflicting : movable).push({ task, start, end });
  }
  return { busy, movable, conflicting, tooEarly };
}
