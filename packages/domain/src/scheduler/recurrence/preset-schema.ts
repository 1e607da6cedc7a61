import { z } from "zod";
import { WEEKDAYS } from "./weekdays.ts";

export const ZWeekday = z.enum(WEEKDAYS);

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
