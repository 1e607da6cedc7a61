import { z } from "zod";
import { isDomainError } from "../../shared/errors.ts";
import { DATE_OUT_OF_RANGE_CODE, DATE_OUT_OF_RANGE_MESSAGE, isLocalDateInRange } from "../../shared/instant.ts";
import { ZText } from "../../shared/text.ts";
import { parseLocalDate } from "./parse-local-date.ts";
import { parsePlannerTime } from "./parse-planner-time.ts";
import { parseRecurrence } from "./parse-recurrence.ts";
import { WEEKDAYS } from "./weekdays.ts";

export const ZWeekday = z.enum(WEEKDAYS);

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

const ZInterval = z
  .number()
  .int("The interval is a whole number")
  .min(1, "The interval goes from 1 to 99")
  .max(99, "The interval goes from 1 to 99")
  .optional();

/** The recurrences a person picks from a menu; presetToRule turns them into rules. */
export const ZRecurrencePreset = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("daily"), interval: ZInterval }),
  z.object({ kind: z.literal("weekdays"), interval: ZInterval }),
  z.object({
    kind: z.literal("weekly"),
    days: z
      .array(ZWeekday)
      .min(1, "Pick at least one day")
      .max(7, "A week has seven days")
      .refine((days) => new Set(days).size === days.length, {
        message: "Pick each day only once",
        params: { code: "scheduler.invalid_preset" },
      }),
    interval: ZInterval,
  }),
  z.object({
    kind: z.literal("monthly_on_day"),
    day: z.union([z.number().int().min(1).max(31), z.literal(-1)], {
      error: "Pick a day from 1 to 31, or -1 for the last day",
    }),
    interval: ZInterval,
  }),
  z.object({
    kind: z.literal("monthly_on_weekday"),
    weekday: ZWeekday,
    ordinal: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)], {
      error: "Pick the first, second, third, fourth or last one",
    }),
    interval: ZInterval,
  }),
]);
export type RecurrencePreset = z.infer<typeof ZRecurrencePreset>;

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
