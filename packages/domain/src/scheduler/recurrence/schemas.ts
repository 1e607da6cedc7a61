import { z } from "zod";
import { isDomainError } from "../../shared/errors.ts";
import { DATE_OUT_OF_RANGE_CODE, DATE_OUT_OF_RANGE_MESSAGE, isLocalDateInRange } from "../../shared/instant.ts";
import { ZText } from "../../shared/text.ts";
import { parseLocalDate } from "./parse-local-date.ts";
import { parsePlannerTime } from "./parse-planner-time.ts";
import { parseRecurrence } from "./parse-recurrence.ts";

export { describeRecurrence } from "./describe-recurrence.ts";
export { type RecurrencePreset, ZRecurrencePreset, ZWeekday } from "./preset-schema.ts";
export { type RepeatPhrase, readRepeatPhrase, repeatPhraseToRule } from "./repeat-phrase.ts";

/**
 * A recurrence rule in the supported subset, turned into its canonical stored text.
 * Failures carry the domain code (`scheduler.invalid_rrule`,
 * `scheduler.unsupported_rrule_part`) in `params.code`, as every other schema does.
 */
export const ZRecurrenceRule = ZText.transform((value, ctx) => {
  try {
    return parseRecurrence(value).text;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    ctx.addIssue({ code: "custom", message: error.message, params: { code: error.code }, input: value });
    return z.NEVER;
  }
});

/** "HH:MM" from 00:00 to 23:59, a planner's local start time. */
export const ZPlannerTime = ZText.refine((value) => parsePlannerTime(value) !== null, {
  message: "Use a time from 00:00 to 23:59, like 09:30",
  params: { code: "scheduler.invalid_time" },
});

/** "YYYY-MM-DD", a real calendar date (no 2026-02-30) in the supported range (1970-01-01 to 2999-12-31). */
export const ZLocalDate = ZText.refine((value) => parseLocalDate(value) !== null, {
  message: "Use a date like 2026-03-23",
  params: { code: "scheduler.invalid_date" },
  abort: true,
}).refine(isLocalDateInRange, { message: DATE_OUT_OF_RANGE_MESSAGE, params: { code: DATE_OUT_OF_RANGE_CODE } });
