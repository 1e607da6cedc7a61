export { applyPlan } from "./apply-plan.ts";
export { listPlanRuns } from "./list-plan-runs.ts";
export { previewPlan } from "./preview-plan.ts";
export {
  type PlanInput,
  ZApplyPlanResult,
  ZListPlanRunsInput,
  ZPlanInput,
  ZPlanPreview,
  ZPlanRun,
  ZUndoPlanInput,
  ZUndoPlanResult,
} from "./schemas.ts";
export { undoPlan } from "./undo-plan.ts";
