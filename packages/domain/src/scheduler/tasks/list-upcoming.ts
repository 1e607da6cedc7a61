import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import { listKeptOccurrences } from "./kept-occurrences.ts";
import { type LocalDay, listLocalDays } from "./local-days.ts";
import { MAX_DAY_LIST_TASKS, type TaskDto, type UpcomingDto, type UpcomingInput } from "./schemas.ts";
import { taskSelect, toTaskDto } from "./task.select.ts";
import { TASK_DATES_IN_RANGE } from "./task-dates-in-range.ts";

/**
 * The actor's next days (today first) in their zone: for each day the open tasks that
 * start that day, in time order, the open tasks due that day that do not also start
 * that day, and the time plans kept that day for later occurrences of repeating tasks. Empty days are included so a page can say "nothing planned".
 */
export async function listUpcoming({
  db,
  actorId,
  input,
  clock,
}: {
  db: Db;
  actorId: string;
  input: UpcomingInput;
  clock: Clock;
}): Promise<UpcomingDto> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actorId }, select: { timeZone: true } });
  const days = listLocalDays({ at: clock.now(), count: input.days, timeZone: user.timeZone });
  const from = (days[0] as LocalDay).start;
  const to = (days.at(-1) as LocalDay).end;
  const open = { userId: actorId, completedAt: null };
  const take = MAX_DAY_LIST_TASKS + 1;

  const [scheduled, due, occurrences] = await Promise.all([
    db.task
      .findMany({
        where: { AND: [{ ...open, startTime: { gte: from, lt: to } }, TASK_DATES_IN_RANGE] },
        orderBy: [{ startTime: "asc" }, { id: "asc" }],
        take,
        select: taskSelect,
      })
      .then((rows) => rows.map(toTaskDto)),
    db.task
      .findMany({
        where: { AND: [{ ...open, dueAt: { gte: from, lt: to } }, TASK_DATES_IN_RANGE] },
        orderBy: [{ dueAt: "asc" }, { id: "asc" }],
        take,
        select: taskSelect,
      })
      .then((rows) => rows.map(toTaskDto)),
    listKeptOccurrences({ db, actorId, from, to, take }),
  ]);

  const dayOf = (date: Date) => days.find((day) => date >= day.start && date < day.end)?.date ?? null;
  const startDays = new Map(scheduled.map((task) => [task.id, task.startTime ? dayOf(task.startTime) : null]));
  const inDay = (tasks: TaskDto[], date: string, at: (task: TaskDto) => Date | null) =>
    tasks.slice(0, MAX_DAY_LIST_TASKS).filter((task) => {
      const instant = at(task);
      return instant !== null && dayOf(instant) === date;
    });

  return {
    timeZone: user.timeZone,
    days: days.map((day) => ({
      date: day.date,
      scheduled: inDay(scheduled, day.date, (task) => task.startTime),
      due: inDay(due, day.date, (task) => task.dueAt).filter((task) => startDays.get(task.id) !== day.date),
      occurrences: occurrences
        .slice(0, MAX_DAY_LIST_TASKS)
        .filter((occurrence) => dayOf(occurrence.start) === day.date),
    })),
    ...([scheduled, due, occurrences].some((list) => list.length > MAX_DAY_LIST_TASKS)
      ? { truncated: true as const }
      : {}),
  };
}
