import { warnAboutSkippedBusyEvents } from "../../calendars/index.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import { MAX_INSTANT } from "../../shared/instant.ts";
import type { WarningLog } from "../../shared/log.ts";
import { yieldToEventLoop } from "../../shared/yield-to-event-loop.ts";
import { expandPlannerWindowsInTurns } from "../recurrence/index.ts";
import { readBusySpans } from "../tasks/read-busy-spans.ts";
import { BLOCK_IN_RANGE, TASK_DATES_IN_RANGE, warnAboutSkippedTasks } from "../tasks/task-dates-in-range.ts";
import { planSchedule } from "./engine/index.ts";
import type { PlanInput, PlanPreviewDto } from "./schemas.ts";
import { sortScheduledTasks } from "./sort-scheduled-tasks.ts";

/** Restricts a plan to some of the actor's unscheduled tasks. */
export type OnlyTasks = { taskIds: readonly string[] };

const DAY_MS = 24 * 60 * 60 * 1000;
/** Plans start on a 5-minute mark: "10:35", not "10:32:17". */
const SLOT_MS = 5 * 60 * 1000;

/** What the engine reads of every task it plans or moves. */
const ENGINE_TASK_FIELDS = {
  id: true,
  summary: true,
  minutes: true,
  priority: true,
  order: true,
  createdAt: true,
  dueAt: true,
  startAfter: true,
  plannerId: true,
} as const;

/**
 * Loads the actor's schedulable tasks, planners and busy time, runs the engine and
 * describes the result as changes. Tasks the planner placed earlier (plannedStart) may
 * move to make room for a deadline, and one a calendar event now overlaps is planned
 * again; their changes carry where they were (oldStart/oldEnd). Reads only; `applyPlan` writes. Tasks and busy events
 * with dates outside the supported range are left out (with `log`, named in a warning),
 * and nothing is placed after the range's end. The CPU-heavy steps (window expansion,
 * the engine) run in separate turns of the event loop, so a plan for thousands of tasks
 * does not hold up other people's requests for its whole length.
 */
export async function computePlan({
  db,
  actorId,
  input,
  clock,
  log,
  only,
}: {
  db: Db;
  actorId: string;
  input: PlanInput;
  clock: Clock;
  log?: WarningLog;
  /** Plan just these tasks (re-planning overdue ones); a deadline of theirs that has passed no longer holds them back. */
  only?: OnlyTasks;
}): Promise<PlanPreviewDto> {
  const now = new Date(Math.ceil(clock.now().getTime() / SLOT_MS) * SLOT_MS);
  const from = input.from && input.from > now ? input.from : now;
  const to = new Date(Math.min(from.getTime() + input.horizonDays * DAY_MS, MAX_INSTANT.getTime()));

  const [user, planners, schedulable, fixed, calendarBusy] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: actorId }, select: { timeZone: true } }),
    db.planner.findMany({ where: { userId: actorId } }),
    db.task.findMany({
      where: {
        AND: [
          { userId: actorId, completedAt: null, startTime: null, ...(only ? { id: { in: [...only.taskIds] } } : {}) },
          TASK_DATES_IN_RANGE,
        ],
      },
      select: ENGINE_TASK_FIELDS,
    }),
    // Tasks with a time of their own are busy time the plan must go around (a split
    // task only during its parts, not in the gaps between them).
    db.task.findMany({
      where: {
        AND: [
          { userId: actorId, completedAt: null, startTime: { lt: to }, endTime: { gt: from } },
          TASK_DATES_IN_RANGE,
        ],
      },
      select: {
        ...ENGINE_TASK_FIELDS,
        startTime: true,
        endTime: true,
        plannedStart: true,
        blocks: { where: BLOCK_IN_RANGE, select: { start: true, end: true } },
      },
    }),
    // Events from the person's calendars, whatever their source, merged where they
    // overlap: twenty busy calendars are tens of thousands of rows, but far fewer spans.
    readBusySpans({ db, actorId, from, to }),
    log ? warnAboutSkippedTasks({ db, actorId, log, where: { completedAt: null }, reading: "plan" }) : undefined,
    log ? warnAboutSkippedBusyEvents({ db, actorId, log, reading: "plan" }) : undefined,
  ]);

  const expanded = await expandPlannerWindowsInTurns({
    planners: planners
      .filter((planner) => planner.active)
      .map((planner) => ({
        id: planner.id,
        recurrence: planner.recurrence,
        startDate: planner.startDate.toISOString().slice(0, 10),
        startTime: planner.startTime,
        minutes: planner.minutes,
        timeZone: planner.timeZone,
        active: true,
      })),
    from,
    to,
  });
  const windows = expanded
    // A window open at the horizon's end is cut there, so nothing lands after the supported range.
    .map((window) => (window.end > to ? { ...window, end: to } : window))
    .filter((window) => window.end > window.start);
  // Tasks the planner placed may move (to make room) or are planned again (a calendar
  // event now overlaps them); the person's own stay put.
  const sorted = sortScheduledTasks({ rows: fixed, calendarBusy, from });
  // Re-planning just some tasks (`only`) moves nothing else: the planner's blocks are busy too.
  const scheduled = only
    ? {
        busy: [...sorted.busy, ...sorted.movable, ...sorted.conflicting, ...sorted.tooEarly],
        movable: [],
        conflicting: [],
        tooEarly: [],
      }
    : sorted;
  const busy = [...scheduled.busy, ...calendarBusy];
  const replanned = [...scheduled.conflicting, ...scheduled.tooEarly];
  const wasAt = new Map([...scheduled.movable, ...replanned].map((block) => [block.task.id, block]));
  const conflictIds = new Set(scheduled.conflicting.map((block) => block.task.id));
  const tooEarlyIds = new Set(scheduled.tooEarly.map((block) => block.task.id));

  await yieldToEventLoop();
  const result = planSchedule({
    // A passed deadline cannot be met any more; re-planning places such a task as early as it can.
    tasks: only
      ? schedulable.map((task) => (task.dueAt && task.dueAt <= from ? { ...task, dueAt: null } : task))
      : [...schedulable, ...replanned.map((block) => block.task)],
    movable: scheduled.movable,
    planners: planners.map((planner) => ({ id: planner.id, name: planner.name, active: planner.active })),
    windows,
    busy,
    now: from,
    options: {
      horizonDays: input.horizonDays,
      bufferMinutes: input.options.bufferMinutes,
      dailyCapMinutes: input.options.dailyCapMinutes,
      split: input.options.split,
      strategy: input.options.strategy,
      makeRoom: input.options.makeRoom,
      timeZone: user.timeZone,
    },
  });

  await yieldToEventLoop();
  const summaries = new Map([...schedulable, ...fixed].map((task): [string, string] => [task.id, task.summary]));
  // The engine returns one placement per part; a change describes the whole task.
  const byTask = new Map<string, typeof result.placements>();
  for (const placement of result.placements) {
    byTask.set(placement.taskId, [...(byTask.get(placement.taskId) ?? []), placement]);
  }
  return {
    from,
    to,
    changes: [...byTask].map(([taskId, parts]) => {
      const first = parts[0] as (typeof parts)[number];
      const last = parts.at(-1) as (typeof parts)[number];
      const old = wasAt.get(taskId);
      return {
        taskId,
        summary: summaries.get(taskId) ?? "",
        oldStart: old?.start ?? null,
        oldEnd: old?.end ?? null,
        newStart: first.start,
        newEnd: last.end,
        parts: parts.length > 1 ? parts.map(({ start, end }) => ({ start, end })) : null,
        explanation: conflictIds.has(taskId)
          ? `Moved off a busy calendar event; ${first.explanation}`
          : tooEarlyIds.has(taskId)
            ? `Moved after its start-after time; ${first.explanation}`
            : first.explanation,
      };
    }),
    unplaced: result.unplaced.map((entry) => ({
      taskId: entry.taskId,
      summary: summaries.get(entry.taskId) ?? "",
      reason: entry.reason,
      explanation: entry.explanation,
    })),
  };
}
