import { Temporal } from "temporal-polyfill";
import { MONTH_NAMES, WEEKDAY_NAMES } from "../../shared/calendar-names.ts";

export type LocalStart = { time: string; date: string; day: string };

/**
 * "14:30" and "Monday 1 June 2026" for an instant in a zone (UTC when the zone is
 * unknown), written by hand so the wording does not depend on the machine's ICU data.
 * `day` (2026-06-01) tells whether two instants fall on the same local day.
 */
export function formatLocalStart(instant: Date, timeZone: string): LocalStart {
  const zoned = toZoned(instant, timeZone);
  const pad = (value: number) => String(value).padStart(2, "0");
  return {
    time: `${pad(zoned.hour)}:${pad(zoned.minute)}`,
    date: `${WEEKDAY_NAMES[zoned.dayOfWeek - 1]} ${zoned.day} ${MONTH_NAMES[zoned.month - 1]} ${zoned.year}`,
    day: zoned.toPlainDate().toString(),
  };
}

function toZoned(instant: Date, timeZone: string): Temporal.ZonedDateTime {
  const at = Temporal.Instant.fromEpochMilliseconds(instant.getTime());
  try {
    return at.toZonedDateTimeISO(timeZone);
  } catch {
    return at.toZonedDateTimeISO("UTC");
  }
}
