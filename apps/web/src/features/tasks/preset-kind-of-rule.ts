import type { RecurrencePresetKind } from "./task-types.ts";

const DAY = "(?:MO|TU|WE|TH|FR|SA|SU)";
const PATTERNS: [RegExp, RecurrencePresetKind][] = [
  [/^FREQ=DAILY$/, "daily"],
  [/^FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR$/, "weekdays"],
  [new RegExp(`^FREQ=WEEKLY;BYDAY=${DAY}$`), "weekly"],
  [/^FREQ=MONTHLY;BYMONTHDAY=-?\d{1,2}$/, "monthly_on_day"],
  [new RegExp(`^FREQ=MONTHLY;BYDAY=(?:-1|[1-4])${DAY}$`), "monthly_on_weekday"],
];

/**
 * The Repeats menu entry a stored rule came from. Stored rules are canonical (the domain's
 * presetToRule writes them in one fixed form), so an exact match is enough; null for a rule
 * no preset makes (imported from Todoist, say), which the edit form keeps as it is.
 * Exception dates (EXDATE lines after the rule) do not change the preset.
 */
export function presetKindOfRule(rule: string): RecurrencePresetKind | null {
  const head = rule.split(/\r?\n/)[0]?.replace(/^RRULE:/, "") ?? "";
  return PATTERNS.find(([pattern]) => pattern.test(head))?.[1] ?? null;
}
