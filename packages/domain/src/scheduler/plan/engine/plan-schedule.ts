import { DomainError } from "../../../shared/errors.ts";
import { assertTimeZone } from "../../recurrence/assert-time-zone.ts";
import { checkInstant } from "../../recurrence/check-instant.ts";
import type { EnginePlanner, Interval, MovableBlock, PlanScheduleInput, PlanScheduleResult } from "./engine-types.ts";
import { chooseBlocksToMove, describeMoves, missedDeadlines } from "./make-room.ts";
import { placeTasks } from "./place-tasks.ts";
import type { PlanOptions } from "./schemas.ts";

const DAY_MS = 86_400_000;

/**
 * Places schedulable tasks into the windows of active planners around busy time (see
 * placeTasks for one pass). With `makeRoom`, when tasks miss their deadline, planner-placed
 * blocks of lower priority without a deadline (`movable`) give way: a second pass plans the
 * missed tasks first, puts back every moved block whose slot is still free and plans the
 * rest anew, saying where they moved and for whom. A moved block that then fits nowhere
 * stays where it was (one more pass). Pure: the same input, in any array order, gives the
 * same plan. Placements come sorted by start; unplaced tasks in planning order.
 */
export function planSchedule({
  tasks,
  movable = [],
  planners,
  windows,
  busy,
  now,
  options,
}: PlanScheduleInput): PlanScheduleResult {
  const nowMs = checkInstant(now, "now");
  checkOptions(options);
  for (const task of tasks) checkTask(task);
  for (const block of movable) {
    checkTask(block.task);
    checkInstant(block.start, "start");
    checkInstant(block.end, "end");
  }
  const horizonEnd = nowMs + options.horizonDays * DAY_MS;
  const plannerById = indexPlanners(planners);
  const span = (block: MovableBlock): Interval => ({ start: block.start, end: block.end });
  const pass = (moving: MovableBlock[]) => {
    const movingIds = new Set(moving.map((block) => block.task.id));
    const staying = movable.filter((block) => !movingIds.has(block.task.id)).map(span);
    return placeTasks({
      tasks: [...tasks, ...moving.map((block) => block.task)],
      plannerById,
      windows,
      busy: [...busy, ...staying],
      kept: staying,
      released: new Map(moving.map((block) => [block.task.id, span(block)])),
      nowMs,
      options,
    });
  };

  const first = pass([]);
  const missedIds = missedDeadlines(first.unplaced);
  if (!options.makeRoom || movable.length === 0 || missedIds.size === 0) return sorted(first);
  let moving = chooseBlocksToMove({ movable, missed: tasks.filter((task) => missedIds.has(task.id)), horizonEnd });
  for (let attempt = 0; attempt < 2 && moving.length > 0; attempt++) {
    const next = pass(moving);
    const placedIds = new Set(next.placements.map((placement) => placement.taskId));
    const lost = moving.filter((block) => !next.restored.has(block.task.id) && !placedIds.has(block.task.id));
    if (lost.length > 0) {
      const lostIds = new Set(lost.map((block) => block.task.id));
      moving = moving.filter((block) => !lostIds.has(block.task.id));
      continue;
    }
    const rescued = new Set([...missedIds].filter((id) => placedIds.has(id)));
    if (rescued.size === 0) break;
    const moved = new Map(
      moving.filter((block) => !next.restored.has(block.task.id)).map((block) => [block.task.id, span(block)]),
    );
    const summaries = new Map(tasks.map((task) => [task.id, task.summary]));
    const placements = describeMoves({
      placements: next.placements,
      moved,
      rescued,
      summaryOf: (taskId) => summaries.get(taskId) ?? "",
      timeZone: options.timeZone,
    });
    return sorted({ placements, unplaced: next.unplaced });
  }
  return sorted(first);
}

function sorted({ placements, unplaced }: PlanScheduleResult): PlanScheduleResult {
  return { placements: [...placements].sort((a, b) => a.start.getTime() - b.start.getTime()), unplaced };
}

/**
 * One entry per planner id. Duplicates should not happen, but if they do the pick must not
 * depend on array order: an active entry wins, then the first name.
 */
function indexPlanners(planners: EnginePlanner[]): Map<string, EnginePlanner> {
  const byId = new Map<string, EnginePlanner>();
  for (const planner of planners) {
    const current = byId.get(planner.id);
    const better =
      !current ||
      (planner.active && !current.active) ||
      (planner.active === current.active && planner.name < current.name);
    if (better) byId.set(planner.id, planner);
  }
  return byId;
}

function checkOptions(options: PlanOptions): void {
  assertTimeZone(options.timeZone);
  const positive = (value: number) => Number.isFinite(value) && value > 0;
  const valid =
    positive(options.horizonDays) &&
    Number.isFinite(options.bufferMinutes) &&
    options.bufferMinutes >= 0 &&
    (options.dailyCapMinutes === null || positive(options.dailyCapMinutes)) &&
    positive(options.split.minChunkMinutes);
  if (!valid) {
    throw new DomainError({
      kind: "INVALID",
      code: "scheduler.invalid_plan_options",
      message: "The planning options are out of range",
    });
  }
}

function checkTask(task: PlanScheduleInput["tasks"][number]): void {
  checkInstant(task.createdAt, "createdAt");
  if (task.dueAt !== null) checkInstant(task.dueAt, "dueAt");
  if (!Number.isFinite(task.minutes) || task.minutes <= 0) {
    throw new DomainError({
      kind: "INVALID",
      code: "scheduler.invalid_minutes",
      message: "A task to plan must take some time",
      details: { taskId: task.id },
    });
  }
}
