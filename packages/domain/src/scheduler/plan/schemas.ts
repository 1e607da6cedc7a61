import { z } from "zod";
import { ZInstant } from "../../shared/instant.ts";

/**
 * How long a plan commit or undo may hold its transaction. Their writes are a fixed number
 * of bulk statements (about 1 s for 10,000 tasks on a quiet machine); the margin over
 * Prisma's default 5 s is for a loaded machine, where failing would throw the work away.
 */
export const PLAN_TRANSACTION_TIMEOUT_MS = 15_000;

const DEFAULT_PLAN_OPTIONS = {
  bufferMinutes: 10,
  dailyCapMinutes: null,
  split: { enabled: false, minChunkMinutes: 30 },
  strategy: "spread",
  makeRoom: true,
} as const;

export const ZPlanOptionsInput = z
  .object({
    /** Free minutes kept between placed blocks (0-120): a break between tasks. */
    bufferMinutes: z.number().int().min(0).max(120).default(DEFAULT_PLAN_OPTIONS.bufferMinutes),
    /** At most this many planned minutes per day, for breathing room; null for no cap. */
    dailyCapMinutes: z.number().int().min(15).max(1440).nullable().default(null),
    /** Let a task that fits no single free slot be split into parts of at least minChunkMinutes. */
    split: z
      .object({ enabled: z.boolean().default(false), minChunkMinutes: z.number().int().min(15).max(240).default(30) })
      .default(DEFAULT_PLAN_OPTIONS.split),
    /** "spread" balances planned minutes across the days of the horizon; "pack" fills the earliest time first. */
    strategy: z.enum(["spread", "pack"]).default(DEFAULT_PLAN_OPTIONS.strategy),
    /**
     * When a task would miss its deadline, move planner-placed tasks of lower priority
     * without a deadline later (never ones a person placed).
     */
    makeRoom: z.boolean().default(DEFAULT_PLAN_OPTIONS.makeRoom),
  })
  .default(DEFAULT_PLAN_OPTIONS);

export const ZPlanInput = z
  .object({
    /** Plan from this moment (default now; never earlier than now). */
    from: ZInstant.optional(),
    horizonDays: z.number().int().min(1, "Plan at least 1 day ahead").max(90, "Plan at most 90 days ahead").default(14),
    options: ZPlanOptionsInput,
  })
  .default({ horizonDays: 14, options: DEFAULT_PLAN_OPTIONS });
export type PlanInput = z.infer<typeof ZPlanInput>;

/** A later occurrence of a repeating task (the task itself is the series' current one). */
export const ZPlanOccurrence = z.object({
  /** 1-based position in the series, as the task rows count it. */
  index: z.number().int().min(1),
  /** The occurrence's own deadline; it is planned on that day. */
  dueAt: z.date(),
});

export const ZPlanChange = z.object({
  taskId: z.uuid(),
  summary: z.string(),
  oldStart: z.date().nullable(),
  oldEnd: z.date().nullable(),
  /** Start of the first part and end of the last when the task is split. */
  newStart: z.date(),
  newEnd: z.date(),
  /** The parts, when the task was split; null when it is placed whole. */
  parts: z.array(z.object({ start: z.date(), end: z.date() })).nullable(),
  explanation: z.string(),
  /** Present when this places a later occurrence of the repeating task `taskId`, not the task itself. */
  occurrence: ZPlanOccurrence.optional(),
});
export type PlanChangeDto = z.infer<typeof ZPlanChange>;

export const ZUnplacedTask = z.object({
  taskId: z.uuid(),
  summary: z.string(),
  reason: z.enum([
    "no_window_long_enough",
    "deadline_unreachable",
    "horizon_full",
    "planner_inactive",
    "starts_after_horizon",
  ]),
  explanation: z.string(),
  /** Present when this is a later occurrence of the repeating task `taskId`. */
  occurrence: ZPlanOccurrence.optional(),
});

export const ZPlanPreview = z.object({
  from: z.date(),
  to: z.date(),
  changes: z.array(ZPlanChange),
  unplaced: z.array(ZUnplacedTask),
});
export type PlanPreviewDto = z.infer<typeof ZPlanPreview>;

export const ZPlanRun = z.object({
  id: z.uuid(),
  trigger: z.string(),
  placedCount: z.number().int(),
  unplacedCount: z.number().int(),
  createdAt: z.date(),
  undoneAt: z.date().nullable(),
});
export type PlanRunDto = z.infer<typeof ZPlanRun>;

export const ZApplyPlanResult = ZPlanPreview.extend({ run: ZPlanRun });

export const ZUndoPlanInput = z.object({ runId: z.uuid() });
export const ZUndoSkipReason = z.enum(["moved_since", "completed_since", "edited_since", "deleted"]);
export type UndoSkipReason = z.infer<typeof ZUndoSkipReason>;
export const ZUndoPlanResult = z.object({
  run: ZPlanRun,
  restored: z.number().int(),
  /**
   * Tasks left as they are because the person changed them after the run, and why:
   * `moved_since` (its time was changed by hand), `completed_since`, `edited_since` (any other
   * change, e.g. renamed) or `deleted`.
   */
  skipped: z.array(z.object({ taskId: z.uuid().nullable(), summary: z.string(), reason: ZUndoSkipReason })),
});

export const ZListPlanRunsInput = z
  .object({ limit: z.number().int().min(1).max(50).default(10) })
  .default({ limit: 10 });
