import { Temporal } from "temporal-polyfill";
import type { TodoistItem } from "../api/todoist-objects.ts";
import { readTodoistDue } from "../recurrence/read-todoist-due.ts";

const MINUTE_MS = 60_000;

export type MappedDates = {
  startTime: Date | null;
  endTime: Date | null;
  startAfter: Date | null;
  dueAt: Date | null;
  /** Why a due or deadline could not be read (the task then has no such date). */
  notes: string[];
};

/**
 * Todoist's due and deadline as AgendaCraft's dates, in the person's zone (a due with its own
 * `timezone` uses that). A timed due in the future is the scheduled start; a date-only due
 * plans the task on that day (startAfter = the day's start, dueAt = 23:59 that day, so the
 * day stays the same whoever reads it back); a deadline is the dueAt and wins over the day's
 * end. Overdue dues never become a start in the past: the task is unscheduled and keeps the
 * original moment in startAfter.
 */
export function mapTodoistDates({
  item,
  zone,
  now,
  minutes,
}: {
  item: Pick<TodoistItem, "due" | "deadline">;
  zone: string;
  now: Date;
  minutes: number;
}): MappedDates {
  const notes: string[] = [];
  const deadline = item.deadline ? endOfDay(item.deadline.date, zone) : null;
  if (item.deadline && !deadline)
    notes.push(`The deadline ‘${item.deadline.date}’ could not be read; it was left out.`);
  const none = { startTime: null, endTime: null, startAfter: null, dueAt: deadline, notes };
  if (!item.due) return none;

  const read = readTodoistDue(item.due, zone);
  if (!read.ok) {
    notes.push(`The due date was left out: ${read.reason}.`);
    return none;
  }
  const { date, time, timeZone } = read.start;
  if (time) {
    const at = new Date(
      date.toPlainDateTime(time).toZonedDateTime(timeZone, { disambiguation: "compatible" }).epochMilliseconds,
    );
    if (at.getTime() <= now.getTime()) return { ...none, startAfter: at };
    return { ...none, startTime: at, endTime: new Date(at.getTime() + minutes * MINUTE_MS) };
  }
  const dayStart = new Date(date.toZonedDateTime({ timeZone }).epochMilliseconds);
  return { ...none, startAfter: dayStart, dueAt: deadline ?? endOfDay(date.toString(), timeZone) };
}

/** 23:59 on a local day: the last minute whose date is still that day. */
function endOfDay(day: string, zone: string): Date | null {
  try {
    const date = Temporal.PlainDate.from(day, { overflow: "reject" });
    const next = date.add({ days: 1 }).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
    return new Date(next - MINUTE_MS);
  } catch {
    return null;
  }
}
