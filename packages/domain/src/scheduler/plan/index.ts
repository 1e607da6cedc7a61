export { PlanSettingsChanged } from "../events.ts";
export { applyPlan } from "./apply-plan.ts";
export { listPlanRuns } from "./list-plan-runs.ts";
export { PLAN_NOTICES, type PlanNoticeCode, type PlanNoticeDto, ZPlanNotice } from "./plan-notice.ts";
export { getPlanSettings, type PlanSettingsDto, updatePlanSettings, ZPlanSettings } from "./plan-settings.ts";
export { previewPlan } from "./preview-plan.ts";
export {
  MAX_PREVIEW_CHANGES,
  MAX_PREVIEW_UNPLACED,
  type PlanPreviewResultDto,
  ZPlanPreviewResult,
} from "./preview-schemas.ts";
export {
  createReplanJob,
  REPLAN_DEBOUNCE_MS,
  REPLAN_JOB,
  REPLAN_QUEUE_OPTIONS,
  ReplanJob,
  requestReplan,
} from "./replan-job.ts";
export {
  MAX_REPLAN_TASKS,
  type ReplanOverdueInput,
  replanOverdue,
  ZReplanOverdueInput,
} from "./replan-overdue.ts";
export { createReplanSubscriber } from "./replan-subscriber.ts";
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
