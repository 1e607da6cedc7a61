import { getZoneResolver } from "../../recurrence/get-zone-resolver.ts";
import { listSeriesOccurrences } from "../../recurrence/list-series-occurrences.ts";
import type { EngineTask } from "./engine-types.ts";

const DAY_MS = 86_400_000;
/** A series has at most one occurrence a local day, and a horizon at most 90 days. */
const MAX_OCCURRENCES = 100;

/**
 * Turns every repeating task (`repeat` set, with a due date) into one task per occurrence
 * due inside the horizon: the task itself for its current occurrence,
 * plus a copy for each later one (id `<taskId>#<position>`, `occurrence` set), with that
 * occurrence's deadline. Each occurrence keeps to its own local day: it starts no earlier
 * than the day its deadline falls on (a deadline at midnight belongs to the day before),
 * nor than the task's startAfter moved along with it. Occurrences already past, already
 * planned (`repeat.planned`) or not to start before the horizon's end are left out; with
 * `repeat.laterOnly` the task itself already has its time and is left out too. Other tasks pass
 * through unchanged.
 */
export function expandRepeatingTasks(
  tasks: readonly EngineTask[],
  { nowMs, horizonEnd, timeZone }: { nowMs: number; horizonEnd: number; timeZone: string },
): EngineTask[] {
  const zone = getZoneResolver(timeZone);
  const dayStartOf = (dueMs: number) => zone.toInstant(Math.floor(zone.toWall(dueMs - 1) / DAY_MS) * DAY_MS);
  const onItsDay = (dueMs: number, startAfterMs: number | null): Date =>
    new Date(Math.max(dayStartOf(dueMs), startAfterMs ?? Number.NEGATIVE_INFINITY));

  return tasks.flatMap((task): EngineTask[] => {
    const { repeat, dueAt } = task;
    if (!repeat || dueAt === null) return [task];
    const currentMs = dueAt.getTime();
    const startAfterMs = task.startAfter ? task.startAfter.getTime() : null;
    const current = { ...task, startAfter: onItsDay(currentMs, startAfterMs) };
    const planned = new Set(repeat.planned ?? []);
    // Only occurrences due inside the horizon: one due later may find its day's hours
    // beyond the horizon's end, and the next plan reaches it anyway.
    const later = listSeriesOccurrences({
      rule: repeat.rule,
      current: dueAt,
      occurrenceIndex: repeat.occurrenceIndex,
      timeZone,
      before: new Date(horizonEnd),
      limit: MAX_OCCURRENCES,
    });
    const copies = later.flatMap(({ index, at }): EngineTask[] => {
      const dueMs = at.getTime();
      if (dueMs <= nowMs || planned.has(index)) return [];
      const startAfter = onItsDay(dueMs, startAfterMs === null ? null : startAfterMs + dueMs - currentMs);
      if (startAfter.getTime() >= horizonEnd) return [];
      return [
        {
          ...task,
          id: `${task.id}#${index}`,
          dueAt: at,
          startAfter,
          repeat: null,
          occurrence: { seriesId: task.id, index, dueAt: at },
        },
      ];
    });
    return repeat.laterOnly ? copies : [current, ...copies];
  });
}
