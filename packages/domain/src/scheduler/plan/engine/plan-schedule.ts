import { DomainError } from "../../../shared/errors.ts";
import { assertTimeZone } from "../../recurrence/assert-time-zone.ts";
import { checkInstant } from "../../recurrence/check-instant.ts";
import type {
  EnginePlanner,
  EngineTask,
  Interval,
  MovableBlock,
  PlanScheduleInput,
  PlanScheduleResult,
} from "./engine-types.ts";
import { expandRepeatingTasks } from "./expand-repeating-tasks.ts";
import { formatLocalDay } from "./format-local-day.ts";
import { chooseBlocksToMove, describeMoves, missedDeadlines } from "./make-room.ts";
import { placeTasks } from "./place-tasks.ts";
import type { PlanOptions } from "./schemas.ts";

const DAY_MS = 86_400_000;

/**
 * Places schedulable tasks into the windows of active planners around busy time (see
 * placeTasks for one pass). With `makeRoom`, when tasks miss their deadline, planner-placed
 * blocks of lower priority without a deadline (`movable`) give way: a second pass plans the
 * missed tasks first, puts back every moved block whose slot is still free and plans the
 * rest anew, saying where they moved and for whom. A moved block that then fits nowhere,
 * or that helped no rescued task of higher priority, stays where it was (another pass, at
 * most three in all). A repeating task (`repeat`) is planned once per occurrence inside
 * the horizon, each on its own day; a later occurrence's placement or unplaced entry names
 * the task and carries `occurrence`. Pure: the same input, in any array order, gives the
 * same plan. Placements come sorted by start; unplaced tasks in planning order.
 */
export function planSchedule({
  tasks: given,
  movable = [],
  planners,
  windows,
  busy,
  now,
  options,
}: PlanScheduleInput): PlanScheduleResult {
  const nowMs = checkInstant(now, "now");
  checkOptions(options);
  for (const task of given) checkTask(task);
  for (const block of movable) {
    checkTask(block.task);
    checkInstant(block.start, "start");
    checkInstant(block.end, "end");
  }
  const horizonEnd = nowMs + options.horizonDays * DAY_MS;
  const tasks = expandRepeatingTasks(given, { nowMs, horizonEnd, timeZone: options.timeZone });
  const sorted = (result: PlanScheduleResult) => bySeries(byStart(result), tasks, options.timeZone);
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
  for (let attempt = 0; attempt < 3 && moving.length > 0; attempt++) {
    const next = pass(moving);
    const placedIds = new Set(next.placements.map((placement) => placement.taskId));
    const rescued = new Set([...missedIds].filter((id) => placedIds.has(id)));
    // A moved block must fit somewhere else, and give way only to a rescued task of higher
    // priority that needed its time (before the deadline, after the task's startAfter);
    // otherwise it stays put and the pass is redone.
    const rescuers = tasks.filter((task) => rescued.has(task.id));
    const wrong = new Set(
      moving
        .filter(
          (block) =>
            !next.restored.has(block.task.id) &&
            (!placedIds.has(block.task.id) ||
              !rescuers.some(
                (task) =>
                  task.priority > block.task.priority &&
                  (task.dueAt?.getTime() ?? horizonEnd) > block.start.getTime() &&
                  (task.startAfter?.getTime() ?? nowMs) < block.end.getTime(),
              )),
        )
        .map((block) => block.task.id),
    );
    if (wrong.size > 0) {
      moving = moving.filter((block) => !wrong.has(block.task.id));
      continue;
    }
    if (rescued.size === 0) break;
    const moved = new Map(
      moving.filter((block) => !next.restored.has(block.task.id)).map((block) => [block.task.id, span(block)]),
    );
    // Making room changes the plan only by moving something.
    if (moved.size === 0) break;
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

function byStart({ placements, unplaced }: PlanScheduleResult): PlanScheduleResult {
  return { placements: [...placements].sort((a, b) => a.start.getTime() - b.start.getTime()), unplaced };
}

/** Later occurrences the engine planned as tasks of their own are named by their task again. */
function bySeries(result: PlanScheduleResult, tasks: EngineTask[], timeZone: string): PlanScheduleResult {
  const occurrences = new Map(tasks.flatMap((task) => (task.occurrence ? [[task.id, task.occurrence]] : [])));
  if (occurrences.size === 0) return result;
  const named = <T extends { taskId: string; explanation: string }>(entry: T): T => {
    const occurrence = occurrences.get(entry.taskId);
    if (!occurrence) return entry;
    const { seriesId, ...rest } = occurrence;
    const day = formatLocalDay(rest.dueAt.getTime(), timeZone);
    return {
      ...entry,
      taskId: seriesId,
      occurrence: rest,
      explanation: `Repeats: the ${day} occurrence; ${entry.explanation}`,
    };
  };
  return { placements: result.placements.map(named), unplaced: result.unplaced.map(named) };
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
  if (task.startAfter) checkInstant(task.startAfter, "startAfter");
  if (!Number.isFinite(task.minutes) || task.minutes <= 0) {
    throw new DomainError({
      kind: "INVALID",
      code: "scheduler.invalid_minutes",
      message: "A task to plan must take some time",
      details: { taskId: task.id },
    });
  }
}
