import { z } from "zod";
import { zInstant } from "../../shared/instant.ts";
import { DEFAULT_PAGE_SIZE, ZPage, ZPageInput } from "../../shared/pagination.ts";
import { ZText } from "../../shared/text.ts";
import { refineTimeRange } from "../../shared/time-range.ts";
import { ZTimeZone } from "../../shared/time-zone.ts";
import { ZLocalDate, ZPlannerTime, ZRecurrencePreset, ZRecurrenceRule } from "../recurrence/schemas.ts";

export const ZPlannerName = ZText.trim().min(1, "Enter a name").max(100, "Use at most 100 characters");
export const ZPlannerId = z.uuid("Unknown planner");
export const ZPlannerMinutes = z
  .number()
  .int("Use whole minutes")
  .min(1, "A window lasts at least 1 minute")
  .max(1440, "A window lasts at most 1440 minutes (one day)");

export const ZPlanner = z.object({
  id: z.uuid(),
  name: z.string(),
  /** RRULE text in the supported subset, canonical form. */
  recurrence: z.string(),
  /** "YYYY-MM-DD" in the planner's zone: the first day a window may open. */
  startDate: z.string(),
  /** "HH:MM" local time the window opens. */
  startTime: z.string(),
  minutes: z.number().int(),
  /** IANA zone the windows are computed in. */
  timeZone: z.string(),
  active: z.boolean(),
  /** Moves on with every write. */
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type PlannerDto = z.infer<typeof ZPlanner>;

export const ZCreatePlannerInput = z.object({
  name: ZPlannerName,
  recurrence: ZRecurrenceRule,
  startDate: ZLocalDate,
  startTime: ZPlannerTime,
  minutes: ZPlannerMinutes,
  /** Defaults to the user's time zone. */
  timeZone: ZTimeZone.optional(),
  active: z.boolean().default(true),
});
export type CreatePlannerInput = z.infer<typeof ZCreatePlannerInput>;

export const ZUpdatePlannerInput = z.object({
  id: ZPlannerId,
  name: ZPlannerName.optional(),
  recurrence: ZRecurrenceRule.optional(),
  startDate: ZLocalDate.optional(),
  startTime: ZPlannerTime.optional(),
  minutes: ZPlannerMinutes.optional(),
  timeZone: ZTimeZone.optional(),
  active: z.boolean().optional(),
});
export type UpdatePlannerInput = z.infer<typeof ZUpdatePlannerInput>;

export const ZPlannerIdInput = z.object({ id: ZPlannerId });
export type PlannerIdInput = z.infer<typeof ZPlannerIdInput>;

export const ZListPlannersInput = ZPageInput.default({ limit: DEFAULT_PAGE_SIZE });
export type ListPlannersInput = z.infer<typeof ZListPlannersInput>;

export const ZPlannerPage = ZPage(ZPlanner);

/**
 * Windows are read a week (or a month view) at a time; six weeks covers any month grid and
 * keeps one call to at most 50 planners x 42 windows. (Planning expands its own horizon.)
 */
export const MAX_WINDOWS_QUERY_DAYS = 42;

export const ZPlannerWindowsInput = z
  .object({
    from: zInstant("Give the start of the range as a date"),
    to: zInstant("Give the end of the range as a date"),
    /** Only this planner (even when paused); otherwise every active planner of the user. */
    plannerId: ZPlannerId.optional(),
  })
  .superRefine(
    refineTimeRange({
      maxDays: MAX_WINDOWS_QUERY_DAYS,
      invalidCode: "scheduler.invalid_window_range",
      tooLongCode: "scheduler.window_range_too_long",
    }),
  );
export type PlannerWindowsInput = z.infer<typeof ZPlannerWindowsInput>;

export const ZPlannerWindow = z.object({ plannerId: z.uuid(), start: z.date(), end: z.date() });
export type PlannerWindowDto = z.infer<typeof ZPlannerWindow>;

export const MAX_PREVIEW_OCCURRENCES = 50;

export const ZPreviewRecurrenceInput = z
  .object({
    rule: ZRecurrenceRule.optional(),
    preset: ZRecurrencePreset.optional(),
    /** DTSTART: its wall-clock time in `timeZone` is what recurs. */
    start: zInstant("Give the first occurrence as a date"),
    /** Defaults to the user's time zone. */
    timeZone: ZTimeZone.optional(),
    count: z
      .number()
      .int("Ask for a whole number of occurrences")
      .min(1, "Ask for at least 1 occurrence")
      .max(MAX_PREVIEW_OCCURRENCES, `Ask for at most ${MAX_PREVIEW_OCCURRENCES} occurrences`)
      .default(10),
  })
  .superRefine(({ rule, preset }, ctx) => {
    if ((rule === undefined) === (preset === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["rule"],
        message: rule === undefined ? "Enter a rule or pick a preset" : "Enter a rule or pick a preset, not both",
        params: { code: "scheduler.rule_or_preset" },
      });
    }
  });
export type PreviewRecurrenceInput = z.infer<typeof ZPreviewRecurrenceInput>;

export const ZRecurrencePreview = z.object({
  /** The canonical rule, as a planner or task would store it. */
  rule: z.string(),
  /** Short English: "every weekday". */
  text: z.string(),
  occurrences: z.array(z.date()),
});
export type RecurrencePreviewDto = z.infer<typeof ZRecurrencePreview>;
