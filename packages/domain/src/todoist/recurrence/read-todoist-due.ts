import { Temporal } from "temporal-polyfill";

/**
 * Todoist's `due` object: `date` is "YYYY-MM-DD", or in API v1 a date-time in it
 * ("2026-12-02T09:00:00", or with "Z" when the task has a fixed `timezone`); the older
 * REST shape carries the date-time in `datetime`.
 */
export type TodoistDue = { date: string; datetime?: string | null; timezone?: string | null };

export type DueStart = { date: Temporal.PlainDate; time: Temporal.PlainTime | null; timeZone: string };
export type DueResult = { ok: true; start: DueStart } | { ok: false; reason: string };

const OFFSET = /(?:z|[+-]\d{2}:?\d{2})$/i;

/** The local day (and time, when Todoist has one) the next occurrence falls on, in the zone it recurs in. */
export function readTodoistDue(due: TodoistDue, zone: string): DueResult {
  const timeZone = due.timezone || zone;
  if (!isTimeZone(timeZone)) {
    return { ok: false, reason: `the time zone ‘${timeZone}’ is not one AgendaCraft knows` };
  }
  const dateTime = due.datetime || (due.date.includes("T") ? due.date : null);
  try {
    if (dateTime) {
      const local = OFFSET.test(dateTime)
        ? Temporal.Instant.from(dateTime).toZonedDateTimeISO(timeZone).toPlainDateTime()
        : Temporal.PlainDateTime.from(dateTime, { overflow: "reject" });
      return { ok: true, start: { date: local.toPlainDate(), time: local.toPlainTime(), timeZone } };
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(due.date)) throw new RangeError("not a date");
    return {
      ok: true,
      start: { date: Temporal.PlainDate.from(due.date, { overflow: "reject" }), time: null, timeZone },
    };
  } catch {
    return { ok: false, reason: `the due date ‘${dateTime ?? due.date}’ is not a date AgendaCraft can read` };
  }
}

function isTimeZone(name: string): boolean {
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(name);
    return true;
  } catch {
    return false;
  }
}
