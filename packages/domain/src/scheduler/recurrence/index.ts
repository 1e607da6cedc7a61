export { describeRecurrence } from "./describe-recurrence.ts";
export {
  type ExpandPlannerWindowsInput,
  expandPlannerWindows,
  MAX_WINDOW_RANGE_DAYS,
  MAX_WINDOWS_PER_PLANNER,
  type PlannerSpec,
  type PlannerWindow,
} from "./expand-planner-windows.ts";
export { expandPlannerWindowsInTurns } from "./expand-planner-windows-in-turns.ts";
export { type ListOccurrencesInput, listOccurrences, MAX_LISTED_OCCURRENCES } from "./list-occurrences.ts";
export { type NextTaskOccurrenceInput, nextTaskOccurrence, type RecurrenceAnchor } from "./next-task-occurrence.ts";
export { type ParsedRecurrence, parseRecurrence } from "./parse-recurrence.ts";
export { presetToRule } from "./preset-to-rule.ts";
export { type PreviewRecurrenceInput, previewRecurrence, type RecurrencePreview } from "./preview-recurrence.ts";
export { type RepeatPhrase, readRepeatPhrase, repeatPhraseToRule } from "./repeat-phrase.ts";
export {
  type RecurrencePreset,
  ZLocalDate,
  ZPlannerTime,
  ZRecurrencePreset,
  ZRecurrenceRule,
  ZWeekday,
} from "./schemas.ts";
export { WEEKDAY_WORDS, weekdayOfName } from "./weekday-names.ts";
export { WEEKDAYS, type Weekday } from "./weekdays.ts";
