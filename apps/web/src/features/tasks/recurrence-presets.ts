import { DateTime } from "luxon";
import type { RecurrencePreset, RecurrencePresetKind } from "./task-types.ts";

type Weekday = Extract<RecurrencePreset, { kind: "weekly" }>["days"][number];
type Ordinal = Extract<RecurrencePreset, { kind: "monthly_on_weekday" }>["ordinal"];

/** Luxon's weekday (1 = Monday ... 7 = Sunday) as the domain's RFC 5545 code. */
const WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const satisfies readonly Weekday[];

/**
 * The menu of the domain's presets (ZRecurrencePreset). The domain has no labels for them,
 * so these are the menu's short words; the server's own description of the picked preset
 * with its day ("weekly on Tuesday", from `scheduler.recurrence.preview`) is shown under it. `satisfies` makes a
 * preset added to the domain fail the type check until it is offered here.
 */
const PRESET_LABELS = {
  daily: "Daily",
  weekdays: "Weekdays",
  weekly: "Weekly",
  monthly_on_day: "Monthly by date",
  monthly_on_weekday: "Monthly by weekday",
} as const satisfies Record<RecurrencePresetKind, string>;

export const PRESET_CHOICES = (Object.keys(PRESET_LABELS) as RecurrencePresetKind[]).map((kind) => ({
  kind,
  label: PRESET_LABELS[kind],
}));

export function isPresetKind(value: string): value is RecurrencePresetKind {
  return Object.hasOwn(PRESET_LABELS, value);
}

/**
 * The preset for a kind, taking its weekday or day of month from the day the series starts
 * (the deadline, or today when there is none yet): "every week" from a Friday means Fridays.
 */
export function presetFor(kind: RecurrencePresetKind, day: DateTime): RecurrencePreset {
  const weekday = WEEKDAY_CODES[day.weekday - 1] ?? "MO";
  switch (kind) {
    case "daily":
      return { kind: "daily" };
    case "weekdays":
      return { kind: "weekdays" };
    case "weekly":
      return { kind: "weekly", days: [weekday] };
    case "monthly_on_day":
      return { kind: "monthly_on_day", day: day.day };
    case "monthly_on_weekday":
      return { kind: "monthly_on_weekday", weekday, ordinal: ordinalInMonth(day) };
  }
}

/** 1st-4th weekday of its month; a 5th one is always the month's last (-1). */
function ordinalInMonth(day: DateTime): Ordinal {
  const nth = Math.ceil(day.day / 7);
  if (nth === 1 || nth === 2 || nth === 3 || nth === 4) return nth;
  return -1;
}

/** Today as a date input value in the zone, so "today" is the person's day, not the browser's. */
export function todayInputValue(timeZone: string): string {
  return DateTime.now().setZone(timeZone).toFormat("yyyy-LL-dd");
}
