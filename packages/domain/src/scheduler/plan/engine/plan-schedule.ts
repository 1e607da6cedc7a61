import { DomainError } from "../../../shared/errors.ts";
import { assertTimeZone } from "../../recurrence/assert-time-zone.ts";
import { checkInstant } from "../../recurrence/check-instant.ts";
import { buildFreeLeaves } from "./build-free-leaves.ts";
import { createFreeTime } from "./create-free-time.ts";
import type {
  EnginePlanner,
  Placement,
  PlanScheduleInput,
  PlanScheduleResult,
  Unplaced,
  UnplacedReason,
} from "./engine-types.ts";
import { explainPlacement } from "./explain-placement.ts";
import { explainUnplaced } from "./explain-unplaced.ts";
import { listLocalDayStarts } from "./list-local-day-starts.ts";
import { placeInParts } from "./place-in-parts.ts";
import type { PlanOptions } from "./schemas.ts";
import { sortTasksForPlanning } from "./sort-tasks-for-planning.ts";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Places schedulable tasks into the windows of active planners around busy time: each
 * task, in planning order, takes the earliest slot from now that fits whole (or, when
 * splitting is on, the earliest parts), keeping the buffer, the daily cap and its
 * deadline. Pure: the same input, in any array order, gives the same plan.
 * Placements come sorted by start; unplaced tasks in planning order.
 */
export function planSchedule({ tasks, planners, windows, busy, now, options }: PlanScheduleInput): PlanScheduleResult {
  const nowMs = checkInstant(now, "now");
  checkOptions(options);
  for (const task of tasks) checkTask(task);
  const { timeZone, horizonDays } = options;
  const horizonEnd = nowMs + horizonDays * DAY_MS;
  const bufferMs = options.bufferMinutes * MINUTE_MS;
  const capMs = options.dailyCapMinutes === null ? null : options.dailyCapMinutes * MINUTE_MS;
  const minPartMs = options.split.enabled ? options.split.minChunkMinutes * MINUTE_MS : null;

  const plannerById = indexPlanners(planners);
  const leaves = buildFreeLeaves({
    windows: windows.filter((window) => plannerById.get(window.plannerId)?.active === true),
    busy,
    from: nowMs,
    to: horizonEnd,
    bufferMs,
  });
  const free = createFreeTime({
    leaves,
    bufferMs,
    capMs,
    dayStarts: capMs === null ? [] : listLocalDayStarts(nowMs, horizonEnd, timeZone),
    minPartMs,
  });

  const placements: Placement[] = [];
  const unplaced: Unplaced[] = [];
  for (const task of sortTasksForPlanning(tasks, horizonEnd)) {
    const length = task.minutes * MINUTE_MS;
    const dueAt = task.dueAt === null ? null : task.dueAt.getTime();
    const planner = task.plannerId === null ? null : (plannerById.get(task.plannerId) ?? null);
    const splittable = minPartMs !== null && length >= 2 * minPartMs;
    const longest = free.longestBlock(task.plannerId);

    const leaveOut = (reason: UnplacedReason) => {
      const explanation = explainUnplaced({
        reason,
        minutes: task.minutes,
        plannerName: planner?.name ?? null,
        longest,
        capMinutes: options.dailyCapMinutes,
        minChunkMinutes: splittable ? options.split.minChunkMinutes : null,
        dueAt,
        now: nowMs,
        horizonDays,
        timeZone,
      });
      unplaced.push({ taskId: task.id, reason, explanation });
    };

    if (task.plannerId !== null && planner?.active !== true) {
      leaveOut("planner_inactive");
      continue;
    }
    // Even the smallest block this task could use fits nowhere, whatever else is planned.
    if ((splittable ? minPartMs : length) > longest.capped) {
      leaveOut("no_window_long_enough");
      continue;
    }
    const limit = dueAt === null ? horizonEnd : Math.min(dueAt, horizonEnd);
    const whole = free.findSlot(task.plannerId, length, limit);
    if (whole) free.reserve(whole.start, whole.start + length);
    const blocks = whole
      ? [{ ...whole, end: whole.start + length }]
      : splittable
        ? placeInParts({ free, plannerId: task.plannerId, length, minPartMs, limit })
        : null;
    if (!blocks) {
      leaveOut(dueAt !== null && dueAt < horizonEnd ? "deadline_unreachable" : "horizon_full");
      continue;
    }

    blocks.forEach((block, i) => {
      const chunk = blocks.length > 1 ? { index: i + 1, count: blocks.length } : null;
      const explanation = explainPlacement({
        priority: task.priority,
        plannerName: plannerById.get(free.plannerOf(block.leaf))?.name ?? "",
        dueAt,
        chunk: chunk && { ...chunk, minutes: (block.end - block.start) / MINUTE_MS, totalMinutes: task.minutes },
        timeZone,
      });
      placements.push({
        taskId: task.id,
        start: new Date(block.start),
        end: new Date(block.end),
        ...(chunk ? { chunk } : {}),
        explanation,
      });
    });
  }
  placements.sort((a, b) => a.start.getTime() - b.start.getTime());
  return { placements, unplaced };
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
