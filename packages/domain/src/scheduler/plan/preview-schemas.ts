import { z } from "zod";
import { ZPlanNotice } from "./plan-notice.ts";
import { ZPlanPreview } from "./schemas.ts";

/**
 * A preview is read by a person: it lists the first changes (by start) and the first tasks
 * it could not place (in planning order), with the totals, so a plan for 10,000 open tasks
 * answers in kilobytes rather than megabytes. `plan.commit` still places every task.
 */
export const MAX_PREVIEW_CHANGES = 500;
export const MAX_PREVIEW_UNPLACED = 100;

export const ZPlanPreviewResult = ZPlanPreview.extend({
  /** Every change the plan makes; `changes` holds the first MAX_PREVIEW_CHANGES of them. */
  changeCount: z.number().int(),
  /** Every task it could not place; `unplaced` holds the first MAX_PREVIEW_UNPLACED of them. */
  unplacedCount: z.number().int(),
  /**
   * Why nothing can be planned, once for the whole plan (no task, every task timed, no or
   * only paused planners); null when each task's own line says enough.
   */
  notice: ZPlanNotice.nullable(),
});
export type PlanPreviewResultDto = z.infer<typeof ZPlanPreviewResult>;
