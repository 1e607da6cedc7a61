import { parseRecurrence } from "./parse-recurrence.ts";
import type { RecurrencePreset } from "./preset-schema.ts";
import { WEEKDAYS, WORKING_DAYS } from "./weekdays.ts";

/** The canonical rule for a preset: { kind: "weekly", days: ["WE", "MO"] } -> "FREQ=WEEKLY;BYDAY=MO,WE". */
export function presetToRule(preset: RecurrencePreset): string {
  const interval = preset.interval !== undefined && preset.interval !== 1 ? `;INTERVAL=${preset.interval}` : "";
  const rule = (() => {
    switch (preset.kind) {
      case "daily":
        return `FREQ=DAILY${interval}`;
      case "weekdays":
        return `FREQ=WEEKLY${interval};BYDAY=${WORKING_DAYS.join(",")}`;
      case "weekly": {
        const days = WEEKDAYS.filter((day) => preset.days.includes(day));
        return `FREQ=WEEKLY${interval};BYDAY=${days.join(",")}`;
      }
      case "monthly_on_day":
        return `FREQ=MONTHLY${interval};BYMONTHDAY=${preset.day}`;
      case "monthly_on_weekday":
        return `FREQ=MONTHLY${interval};BYDAY=${preset.ordinal}${preset.weekday}`;
    }
  })();
  // Parsing validates what the type cannot (day 0, an empty day list) and yields the canonical text.
  return parseRecurrence(rule).rrule;
}
