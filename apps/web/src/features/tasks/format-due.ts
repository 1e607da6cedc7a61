import { DateTime } from "luxon";
import { formatDateTime, formatDay } from "../../lib/time.ts";

/**
 * A deadline picked as a date is stored as the end of that day; showing "23:59" would be
 * noise, so such deadlines show the day only. Deadlines set to a real time keep it.
 */
export function formatDue(date: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(date, { zone: timeZone });
  return local.hour === 23 && local.minute === 59 ? formatDay(date, timeZone) : formatDateTime(date, timeZone);
}
