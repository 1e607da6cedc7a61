import { DateTime } from "luxon";

/**
 * Dates shown and typed in the person's own time zone (iam.me's `timeZone`), never the
 * browser's: someone travelling still sees their working hours where they are at home.
 * Luxon does the zone arithmetic; these helpers only fix the formats the app uses.
 */

/** "Tue 3 Mar, 09:30" */
export function formatDateTime(date: Date, timeZone: string): string {
  return DateTime.fromJSDate(date, { zone: timeZone }).toFormat("ccc d LLL, HH:mm");
}

/** "Tue 3 Mar" */
export function formatDay(date: Date, timeZone: string): string {
  return DateTime.fromJSDate(date, { zone: timeZone }).toFormat("ccc d LLL");
}

/** "09:30" */
export function formatTime(date: Date, timeZone: string): string {
  return DateTime.fromJSDate(date, { zone: timeZone }).toFormat("HH:mm");
}

/** The value for an <input type="datetime-local"> showing `date` in the zone: "2026-03-03T09:30". */
export function toDateTimeInputValue(date: Date, timeZone: string): string {
  return DateTime.fromJSDate(date, { zone: timeZone }).toFormat("yyyy-LL-dd'T'HH:mm");
}

/** The instant an <input type="datetime-local"> value means in the zone; null when empty or invalid. */
export function fromDateTimeInputValue(value: string, timeZone: string): Date | null {
  if (!value) return null;
  const parsed = DateTime.fromISO(value, { zone: timeZone });
  return parsed.isValid ? parsed.toJSDate() : null;
}

/** The value for an <input type="date">: "2026-03-03". */
export function toDateInputValue(date: Date, timeZone: string): string {
  return DateTime.fromJSDate(date, { zone: timeZone }).toFormat("yyyy-LL-dd");
}

/** End of the given calendar day in the zone (23:59:59.999), the natural meaning of a deadline date. */
export function endOfDayFromDateInput(value: string, timeZone: string): Date | null {
  if (!value) return null;
  const parsed = DateTime.fromISO(value, { zone: timeZone });
  return parsed.isValid ? parsed.endOf("day").toJSDate() : null;
}

/** Monday 00:00 of the week containing `date`, in the zone. */
export function startOfWeek(date: Date, timeZone: string): Date {
  return DateTime.fromJSDate(date, { zone: timeZone }).startOf("week").toJSDate();
}

/** "1 h 30 min", "45 min" */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
