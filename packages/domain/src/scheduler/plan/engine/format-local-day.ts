import { MONTH_NAMES, WEEKDAY_NAMES } from "../../../shared/calendar-names.ts";
import { getZoneResolver } from "../../recurrence/get-zone-resolver.ts";

/**
 * "Fri 6 Mar" in the user's zone, as en-GB Intl writes a short day (plus "17:00" on request).
 * Built by hand from the wall-clock reading so the wording does not depend on the ICU
 * data of the machine (newer CLDR writes "Sept"), and costs nothing next to thousands of
 * placements.
 */
export function formatLocalDay(epochMs: number, timeZone: string, withTime = false): string {
  const wall = new Date(getZoneResolver(timeZone).toWall(epochMs));
  const day = `${WEEKDAY_NAMES[(wall.getUTCDay() + 6) % 7]?.slice(0, 3)} ${wall.getUTCDate()} ${MONTH_NAMES[wall.getUTCMonth()]?.slice(0, 3)}`;
  if (!withTime) return day;
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${day} ${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}
