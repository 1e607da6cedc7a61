import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { WarningLog } from "../../shared/log.ts";
import { computePlan } from "./compute-plan.ts";
import { findPlanNotice } from "./find-plan-notice.ts";
import { MAX_PREVIEW_CHANGES, MAX_PREVIEW_UNPLACED, type PlanPreviewResultDto } from "./preview-schemas.ts";
import type { PlanInput } from "./schemas.ts";

/**
 * What a plan would change, changing nothing; long lists are cut (see ZPlanPreviewResult).
 * A notice says why nothing can be placed, so a plan with changes has none: with every task
 * timed, a calendar conflict still moves a task, and the person must see that move.
 */
export async function previewPlan(deps: {
  db: Db;
  actorId: string;
  input: PlanInput;
  clock: Clock;
  log?: WarningLog;
}): Promise<PlanPreviewResultDto> {
  const [plan, notice] = await Promise.all([computePlan(deps), findPlanNotice(deps)]);
  return {
    ...plan,
    changes: plan.changes.slice(0, MAX_PREVIEW_CHANGES),
    unplaced: plan.unplaced.slice(0, MAX_PREVIEW_UNPLACED),
    changeCount: plan.changes.length,
    unplacedCount: plan.unplaced.length,
    notice: plan.changes.length > 0 ? null : notice,
  };
}
