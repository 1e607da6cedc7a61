import { getZoneResolver } from "../../recurrence/get-zone-resolver.ts";
import type { EngineTask } from "./engine-types.ts";

const DAY_MS = 86_400_000;

/** The deadline class of a task whose deadline can still be missed: its local due day. */
export type DeadlineClass = number | null;

/**
 * The local day (days since the epoch, in the user's zone) a deadline inside the horizon
 * falls on; null for no deadline or one past the horizon. Tasks due the same day form one
 * class, so "due Tuesday" ranks by priority rather than by the minute it is due.
 */
export function deadlineClassifier(horizonEnd: number, timeZone: string): (task: EngineTask) => DeadlineClass {
  const zone = getZoneResolver(timeZone);
  return (task) => {
    if (task.dueAt === null) return null;
    const due = task.dueAt.getTime();
    if (due >= horizonEnd) return null;
    return Math.floor(zone.toWall(due) / DAY_MS);
  };
}

/**
 * The order tasks claim free time in (the ranking): deadline class first (tasks due inside
 * the horizon, the earliest local due day first, then those without one or due later),
 * then priority (high first), then the exact deadline, manual order, age and finally id,
 * so equal tasks never depend on the order they were passed in. Because earlier tasks take
 * the earliest time, a higher-priority task never lands after a lower one of the same
 * class unless it did not fit where the lower one went.
 */
export function sortTasksForPlanning(tasks: EngineTask[], horizonEnd: number, timeZone: string): EngineTask[] {
  const classOf = deadlineClassifier(horizonEnd, timeZone);
  const keyed = tasks.map((task) => {
    const dueClass = classOf(task);
    return {
      task,
      atRisk: dueClass !== null,
      dueClass: dueClass ?? 0,
      due: task.dueAt === null ? Number.POSITIVE_INFINITY : task.dueAt.getTime(),
      created: task.createdAt.getTime(),
    };
  });
  keyed.sort(
    (a, b) =>
      Number(b.atRisk) - Number(a.atRisk) ||
      a.dueClass - b.dueClass ||
      b.task.priority - a.task.priority ||
      (a.due === b.due ? 0 : a.due < b.due ? -1 : 1) ||
      a.task.order - b.task.order ||
      a.created - b.created ||
      (a.task.id < b.task.id ? -1 : a.task.id > b.task.id ? 1 : 0),
  );
  return keyed.map(({ task }) => task);
}
