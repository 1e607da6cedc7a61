import type { EngineTask } from "./engine/index.ts";

/** What a plan reads of a task besides the engine's fields to plan its later occurrences. */
export const SERIES_FIELDS = { recurrence: true, recurrenceAnchor: true, occurrenceIndex: true } as const;

export type SeriesFields = {
  recurrence: string | null;
  recurrenceAnchor: "scheduled" | "completion" | null;
  occurrenceIndex: number;
};

/**
 * The engine's task for a row. A series on its own rhythm (the "scheduled" anchor) with a
 * due date gets `repeat`, so every later occurrence inside the horizon is planned too,
 * except those already holding a block; `laterOnly` when the row itself keeps the time
 * the planner gave it. One counted from completion has no known later dates until it is
 * done, so it is planned once, as before.
 */
export function seriesEngineTask(
  task: EngineTask,
  { recurrence, recurrenceAnchor, occurrenceIndex }: SeriesFields,
  /** The positions of its later occurrences that already hold a block. */
  planned: readonly number[],
  laterOnly = false,
): EngineTask {
  if (!recurrence || recurrenceAnchor !== "scheduled" || task.dueAt === null) return task;
  return { ...task, repeat: { rule: recurrence, occurrenceIndex, planned, ...(laterOnly ? { laterOnly } : {}) } };
}
