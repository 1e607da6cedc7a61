import { Temporal } from "temporal-polyfill";
import { z } from "zod";

export const MAX_HORIZON_DAYS = 90;

function isTimeZone(value: string): boolean {
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(value);
    return true;
  } catch {
    return false;
  }
}

const ZSplit = z.object({
  enabled: z.boolean().default(false),
  minChunkMinutes: z
    .number()
    .int("Chunks are whole minutes")
    .min(5, "Chunks last from 5 to 480 minutes")
    .max(480, "Chunks last from 5 to 480 minutes")
    .default(30),
});

/**
 * How the auto-scheduler plans. timeZone is optional here because it usually comes from
 * the user's profile rather than the request; the caller fills it before planning.
 */
export const ZPlanOptions = z.object({
  horizonDays: z
    .number()
    .int("The horizon is a whole number of days")
    .min(1, `Plan from 1 to ${MAX_HORIZON_DAYS} days ahead`)
    .max(MAX_HORIZON_DAYS, `Plan from 1 to ${MAX_HORIZON_DAYS} days ahead`)
    .default(14),
  bufferMinutes: z
    .number()
    .int("The buffer is a whole number of minutes")
    .min(0, "The buffer goes from 0 to 120 minutes")
    .max(120, "The buffer goes from 0 to 120 minutes")
    .default(10),
  dailyCapMinutes: z
    .number()
    .int("The daily cap is a whole number of minutes")
    .min(1, "The daily cap goes from 1 to 1440 minutes")
    .max(1440, "The daily cap goes from 1 to 1440 minutes")
    .nullable()
    .default(null),
  split: ZSplit.default({ enabled: false, minChunkMinutes: 30 }),
  /**
   * "spread" balances planned minutes across the days of the horizon; "pack" fills the
   * earliest free time first.
   */
  strategy: z.enum(["spread", "pack"]).default("spread"),
  /**
   * When a task would miss its deadline, move planner-placed blocks of lower priority and
   * without a deadline later to make room (never blocks a person placed).
   */
  makeRoom: z.boolean().default(true),
  timeZone: z
    .string()
    .refine(isTimeZone, {
      message: "Use an IANA time zone such as Europe/Berlin",
      params: { code: "scheduler.unknown_time_zone" },
    })
    .optional(),
});
export type PlanOptionsInput = z.input<typeof ZPlanOptions>;

/** What the engine needs: the parsed options with the user's zone filled in. */
export type PlanOptions = Omit<z.output<typeof ZPlanOptions>, "timeZone"> & { timeZone: string };
