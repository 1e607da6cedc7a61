import { DateTime } from "luxon";
import type { AgendaEntry, PlannerWindow } from "./week-types.ts";

/** The calendar dates ("2026-06-03") with open work on them, in the person's zone. */
export function daysWithWork(entries: readonly AgendaEntry[], timeZone: string): ReadonlySet<string> {
  const days = new Set<string>();
  for (const entry of entries) {
    if (entry.completed) continue;
    const day = DateTime.fromJSDate(entry.start, { zone: timeZone }).toISODate();
    if (day) days.add(day);
  }
  return days;
}

/**
 * The day a phone's week should open on: the first day, from today, with working hours not
 * yet over (a window ending after now). Today when there are no working hours at all.
 */
export function openingDay(windows: readonly PlannerWindow[], now: Date, timeZone: string): string {
  const next = windows
    .filter((window) => window.end > now)
    .reduce<PlannerWindow | null>((first, window) => (!first || window.start < first.start ? window : first), null);
  const day = next
    ? DateTime.max(DateTime.fromJSDate(next.start, { zone: timeZone }), DateTime.fromJSDate(now, { zone: timeZone }))
    : null;
  return (day ?? DateTime.fromJSDate(now, { zone: timeZone })).toISODate() ?? "";
}
