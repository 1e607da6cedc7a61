import type { EngineTask, Interval, MovableBlock, Placement, Unplaced } from "./engine-types.ts";
import { explainMove } from "./explain-move.ts";

/**
 * The movable blocks that may give way to tasks that missed their deadline: no deadline of
 * their own, lower priority than a missed task, and starting before that task's deadline
 * (later blocks were never in its way).
 */
export function chooseBlocksToMove({
  movable,
  missed,
  horizonEnd,
}: {
  movable: MovableBlock[];
  missed: EngineTask[];
  horizonEnd: number;
}): MovableBlock[] {
  if (missed.length === 0) return [];
  // For each priority, the latest deadline among missed tasks above it: one pass, not a pair loop.
  const latestLimitAbove = new Map<number, number>();
  for (const task of missed) {
    const limit = Math.min(task.dueAt?.getTime() ?? horizonEnd, horizonEnd);
    for (let below = task.priority - 1; below >= 0; below--) {
      latestLimitAbove.set(below, Math.max(latestLimitAbove.get(below) ?? Number.NEGATIVE_INFINITY, limit));
    }
  }
  return movable.filter(
    (block) =>
      block.task.dueAt === null &&
      block.start.getTime() < (latestLimitAbove.get(block.task.priority) ?? Number.NEGATIVE_INFINITY),
  );
}

/**
 * Rewrites the placements of moved blocks: where they were, and which task took their place
 * (the first newly placed deadline task overlapping the old slot, else the first one placed).
 */
export function describeMoves({
  placements,
  moved,
  rescued,
  summaryOf,
  timeZone,
}: {
  placements: Placement[];
  moved: Map<string, Interval>;
  /** Tasks that missed their deadline before and are placed now. */
  rescued: Set<string>;
  summaryOf: (taskId: string) => string;
  timeZone: string;
}): Placement[] {
  const rescuers = placements.filter((placement) => rescued.has(placement.taskId));
  return placements.map((placement) => {
    const old = moved.get(placement.taskId);
    if (!old) return placement;
    const taker =
      rescuers.find((rescuer) => rescuer.start < old.end && rescuer.end > old.start) ?? rescuers[0] ?? placement;
    return {
      ...placement,
      movedFrom: old,
      explanation: explainMove({ to: placement.start.getTime(), forSummary: summaryOf(taker.taskId), timeZone }),
    };
  });
}

/** The ids of unplaced tasks that could not be placed before their deadline. */
export function missedDeadlines(unplaced: Unplaced[]): Set<string> {
  return new Set(unplaced.filter((entry) => entry.reason === "deadline_unreachable").map((entry) => entry.taskId));
}
