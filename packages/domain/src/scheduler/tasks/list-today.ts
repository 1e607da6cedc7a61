import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import { listKeptOccurrences } from "./kept-occurrences.ts";
import { listLocalDays } from "./local-days.ts";
import { overdueTaskWhere } from "./overdue-task-where.ts";
import { overlapsAny } from "./overlaps-any.ts";
import { readBusySpans } from "./read-busy-spans.ts";
import { MAX_DAY_LIST_TASKS, type TodayDto } from "./schemas.ts";
import { taskSelect, toTaskDto } from "./task.select.ts";
import { TASK_DATES_IN_RANGE } from "./task-dates-in-range.ts";

/**
 * The actor's today, in their zone: what is overdue, what is planned for the rest of the
 * day, what is due later today, and the time kept today for later occurrences of
 * repeating tasks. Each task appears once: overdue wins over planned,
 * planned over due. Only the actor's own tasks are read (ownership in every `where`).
 * Planned tasks a calendar event now overlaps are named in `conflictIds`.
 */
export async function listToday({ db, actorId, clock }: { db: Db; actorId: string; clock: Clock }): Promise<TodayDto> {
  const now = clock.now();
  const user = await db.user.findUniqueOrThrow({ where: { id: actorId }, select: { timeZone: true } });
  const [today] = listLocalDays({ at: now, count: 1, timeZone: user.timeZone });
  if (!today) throw new Error("listLocalDays returned no day");
  const open = { userId: actorId, completedAt: null };
  const take = MAX_DAY_LIST_TASKS + 1;

  const [overdue, scheduledRows, due, occurrences, run, anyScheduled, busy] = await Promise.all([
    db.task.findMany({
      where: overdueTaskWhere(actorId, now),
      orderBy: [{ endTime: { sort: "asc", nulls: "last" } }, { dueAt: "asc" }, { id: "asc" }],
      take,
      select: taskSelect,
    }),
    db.task.findMany({
      // Not over yet (the rest are overdue) and starting before the day ends.
      where: { AND: [{ ...open, startTime: { lt: today.end }, endTime: { gte: now } }, TASK_DATES_IN_RANGE] },
      orderBy: [{ startTime: "asc" }, { id: "asc" }],
      take,
      select: { ...taskSelect, plannedStart: true },
    }),
    db.task.findMany({
      where: {
        AND: [
          { ...open, dueAt: { gte: now, lt: today.end } },
          // A task planned today is already listed there; one planned on another day is due today all the same.
          { OR: [{ startTime: null }, { startTime: { gte: today.end } }, { endTime: { lt: now } }] },
          TASK_DATES_IN_RANGE,
        ],
      },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take,
      select: taskSelect,
    }),
    listKeptOccurrences({ db, actorId, from: now, to: today.end, take }),
    db.planRun.findFirst({ where: { userId: actorId }, select: { id: true } }),
    db.task.findFirst({ where: { userId: actorId, startTime: { not: null } }, select: { id: true } }),
    readBusySpans({ db, actorId, from: now, to: today.end }),
  ]);
  const scheduled = scheduledRows.map(({ plannedStart: _, ...task }) => toTaskDto(task));
  // Only the planner's own placements count as conflicts, as in the agenda.
  const conflictIds = scheduledRows
    .filter(
      (task) =>
        task.startTime !== null &&
        task.endTime !== null &&
        task.plannedStart?.getTime() === task.startTime.getTime() &&
        overlapsAny(busy, task.startTime, task.endTime),
    )
    .map((task) => task.id);

  const overdueIds = new Set(overdue.map((task) => task.id));
  const lists = {
    overdue: overdue.map(toTaskDto),
    // A task with a passed deadline that is still planned later today is overdue, listed once.
    scheduled: scheduled.filter((task) => !overdueIds.has(task.id)),
    due: due.filter((task) => !overdueIds.has(task.id)).map(toTaskDto),
  };
  const truncated = [...Object.values(lists), occurrences].some((list) => list.length > MAX_DAY_LIST_TASKS);
  return {
    date: today.date,
    timeZone: user.timeZone,
    overdue: lists.overdue.slice(0, MAX_DAY_LIST_TASKS),
    scheduled: lists.scheduled.slice(0, MAX_DAY_LIST_TASKS),
    due: lists.due.slice(0, MAX_DAY_LIST_TASKS),
    occurrences: occurrences.slice(0, MAX_DAY_LIST_TASKS),
    conflictIds: conflictIds.filter((id) => !overdueIds.has(id)),
    hasPlanned: run !== null || anyScheduled !== null,
    ...(truncated ? { truncated: true as const } : {}),
  };
}
