import { DateTime } from "luxon";
import { formatMinutes } from "../../lib/time.ts";

/** "Mon 2 Mar 09:00–17:00", or "Mon 2 Mar 22:00 – Tue 3 Mar 02:00" across midnight, in the zone. */
export function formatWindow(start: Date, end: Date, timeZone: string): string {
  const from = DateTime.fromJSDate(start, { zone: timeZone });
  const to = DateTime.fromJSDate(end, { zone: timeZone });
  if (from.hasSame(to, "day")) return `${from.toFormat("ccc d LLL HH:mm")}–${to.toFormat("HH:mm")}`;
  return `${from.toFormat("ccc d LLL HH:mm")} – ${to.toFormat("ccc d LLL HH:mm")}`;
}

/** A planner's daily hours from its local start and length: "09:00–17:00 (8 h)", "22:00–02:00 next day (4 h)". */
export function formatDailyHours(startTime: string, minutes: number): string {
  const start = DateTime.fromISO(`2000-01-03T${startTime}`, { zone: "UTC" });
  if (!start.isValid) return formatMinutes(minutes);
  const end = start.plus({ minutes });
  const days = Math.floor(end.diff(start.startOf("day"), "days").days);
  const nextDay = days === 1 ? " next day" : days > 1 ? ` ${days} days later` : "";
  return `${start.toFormat("HH:mm")}–${end.toFormat("HH:mm")}${nextDay} (${formatMinutes(minutes)})`;
}
