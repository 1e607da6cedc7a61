const MINUTE_MS = 60_000;

/** What the write-back needs of a task to know the events it should have. */
export type TaskForCalendar = {
  summary: string;
  startTime: Date | null;
  endTime: Date | null;
  minutes: number;
  completedAt: Date | null;
  /** The parts a plan split the task into, if any (in any order). */
  blocks: readonly { start: Date; end: Date }[];
};

export type DesiredTaskEvent = { blockIndex: number; start: Date; end: Date; summary: string };

/** Marks a done task's event, so the calendar shows the work happened; reopening drops it. */
export const COMPLETED_PREFIX = "✓ ";

/**
 * The events a task should have in the write-target calendar: one per block of a split task
 * (numbered in time order), else one from its start to its end; none for an unscheduled task.
 * A completed task keeps its events, marked.
 */
export function desiredTaskEvents(task: TaskForCalendar): DesiredTaskEvent[] {
  if (!task.startTime) return [];
  const summary = task.completedAt ? `${COMPLETED_PREFIX}${task.summary}` : task.summary;
  if (task.blocks.length > 0) {
    return [...task.blocks]
      .sort((a, b) => a.start.getTime() - b.start.getTime())
      .map((block, blockIndex) => ({ blockIndex, start: block.start, end: block.end, summary }));
  }
  const end = task.endTime ?? new Date(task.startTime.getTime() + task.minutes * MINUTE_MS);
  return [{ blockIndex: 0, start: task.startTime, end, summary }];
}
