import { DateTime } from "luxon";
import type { PlanInput, WeekRange } from "./week-types.ts";

/**
 * Weeks run Monday 00:00 to the next Monday 00:00 in the person's zone. Steps are taken
 * in calendar weeks, not 7 × 24 h, so a week with a DST change still starts at midnight.
 */
export function weekContaining(date: Date, timeZone: string): WeekRange {
  const start = DateTime.fromJSDate(date, { zone: timeZone }).startOf("week");
  return { from: start.toJSDate(), to: start.plus({ weeks: 1 }).toJSDate() };
}

export function shiftWeek(week: WeekRange, weeks: number, timeZone: string): WeekRange {
  const start = DateTime.fromJSDate(week.from, { zone: timeZone }).plus({ weeks });
  return { from: start.toJSDate(), to: start.plus({ weeks: 1 }).toJSDate() };
}

/** "1 – 7 Jun 2026", "29 Jun – 5 Jul 2026", "29 Dec 2025 – 4 Jan 2026": Monday to Sunday. */
export function formatWeekRange(week: WeekRange, timeZone: string): string {
  const first = DateTime.fromJSDate(week.from, { zone: timeZone });
  const last = DateTime.fromJSDate(week.to, { zone: timeZone }).minus({ days: 1 });
  if (first.year !== last.year) return `${first.toFormat("d LLL yyyy")} – ${last.toFormat("d LLL yyyy")}`;
  if (first.month !== last.month) return `${first.toFormat("d LLL")} – ${last.toFormat("d LLL yyyy")}`;
  return `${first.toFormat("d")} – ${last.toFormat("d LLL yyyy")}`;
}

/** The seven days of the week as calendar dates ("2026-06-01"), for picking one on small screens. */
export function daysOfWeek(week: WeekRange, timeZone: string): string[] {
  const first = DateTime.fromJSDate(week.from, { zone: timeZone });
  return Array.from({ length: 7 }, (_, i) => first.plus({ days: i }).toISODate() ?? "");
}

/** The calendar date ("2026-06-03") of an instant in the zone. */
export function toLocalDate(date: Date, timeZone: string): string {
  return DateTime.fromJSDate(date, { zone: timeZone }).toISODate() ?? "";
}

/**
 * What "Plan my week" asks the planner for: the rest of the shown week. A future week is
 * planned from its Monday; the current one from now (the server never plans into the
 * past). The horizon is counted in whole days up to the week's end, so the last day of the
 * week is always covered even if that lets a plan reach a few hours into the next Monday.
 * A week that is over has nothing to plan: null.
 */
export function planInputForWeek(
  week: WeekRange,
  now: Date,
  timeZone: string,
  split: { enabled: boolean; minChunkMinutes: number },
): PlanInput | null {
  if (now >= week.to) return null;
  const future = week.from > now;
  const start = DateTime.fromJSDate(future ? week.from : now, { zone: timeZone });
  const end = DateTime.fromJSDate(week.to, { zone: timeZone });
  const horizonDays = Math.max(1, Math.ceil(end.diff(start, "days").days));
  return {
    ...(future ? { from: week.from } : {}),
    horizonDays,
    // Buffer, strategy and make-room keep the server's defaults (10-minute breaks, spread, make room).
    options: { dailyCapMinutes: null, split },
  };
}

/**
 * The week named in the address (`?week=2026-06-01`, any day of it), so a week can be
 * bookmarked and Back returns to it; the week of `now` when there is none or it is not a date.
 */
export function weekFromParam(param: string | null, now: Date, timeZone: string): WeekRange {
  const day = param ? DateTime.fromISO(param, { zone: timeZone }) : null;
  return weekContaining(day?.isValid ? day.toJSDate() : now, timeZone);
}
