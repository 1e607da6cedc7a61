import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { WarningLog } from "../../shared/log.ts";
import { computePlan } from "./compute-plan.ts";
import type { PlanInput, PlanPreviewDto } from "./schemas.ts";

/** What a plan would change, changing nothing. */
export function previewPlan(deps: {
  db: Db;
  actorId: string;
  input: PlanInput;
  clock: Clock;
  log?: WarningLog;
}): Promise<PlanPreviewDto> {
  return computePlan(deps);
}
