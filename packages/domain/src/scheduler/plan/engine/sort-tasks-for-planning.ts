import type { EngineTask } from "./engine-types.ts";

/**
 * The order tasks claim free time in: those whose deadline falls inside the horizon first,
 * earliest deadline first (they are the ones that can be missed), then everyone by
 * priority (high first), manual order, age and finally id, so equal tasks never depend on
 * the order they were passed in.
 */
export function sortTasksForPlanning(tasks: EngineTask[], horizonEnd: number): EngineTask[] {
  const keyed = tasks.map((task) => {
    const due = task.dueAt === null ? null : task.dueAt.getTime();
    return { task, atRisk: due !== null && due < horizonEnd, due: due ?? 0, created: task.createdAt.getTime() };
  });
  keyed.sort(
    (a, b) =>
      Number(b.atRisk) - Number(a.atRisk) ||
      (a.atRisk ? a.due - b.due : 0) ||
      b.task.priority - a.task.priority ||
      a.task.order - b.task.order ||
      a.created - b.created ||
      (a.task.id < b.task.id ? -1 : a.task.id > b.task.id ? 1 : 0),
  );
  return keyed.map(({ task }) => task);
}
