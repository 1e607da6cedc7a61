export { createPlanner } from "./create-planner.ts";
export { deletePlanner } from "./delete-planner.ts";
export { getPlanner } from "./get-planner.ts";
export { listPlannerWindows } from "./list-planner-windows.ts";
export { listPlanners } from "./list-planners.ts";
export { plannerNotFound } from "./planner-errors.ts";
export { previewRecurrenceRule } from "./preview-recurrence-rule.ts";
export {
  type CreatePlannerInput,
  MAX_PREVIEW_OCCURRENCES,
  MAX_WINDOWS_QUERY_DAYS,
  type PlannerDto,
  type PlannerWindowDto,
  type PlannerWindowsInput,
  type PreviewRecurrenceInput,
  type RecurrencePreviewDto,
  type UpdatePlannerInput,
  ZCreatePlannerInput,
  ZListPlannersInput,
  ZPlanner,
  ZPlannerIdInput,
  ZPlannerPage,
  ZPlannerWindow,
  ZPlannerWindowsInput,
  ZPreviewRecurrenceInput,
  ZRecurrencePreview,
  ZUpdatePlannerInput,
} from "./schemas.ts";
export { updatePlanner } from "./update-planner.ts";
