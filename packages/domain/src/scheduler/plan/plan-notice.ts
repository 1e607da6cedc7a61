import { z } from "zod";

/**
 * Why a plan can place nothing at all, said once for the whole plan instead of once per task.
 * Clients branch on `code` (stable); `message` is fit to show a person.
 */
export const PLAN_NOTICES = {
  "scheduler.plan.no_tasks": "Nothing to plan yet - add a task",
  "scheduler.plan.all_scheduled": "Nothing to plan - every open task already has a time",
  "scheduler.plan.no_planner": "You have no working hours yet - create a planner",
  "scheduler.plan.planners_paused": "All your planners are paused - turn one on to plan into its hours",
} as const;

export type PlanNoticeCode = keyof typeof PLAN_NOTICES;

export const ZPlanNotice = z.object({
  code: z.enum(Object.keys(PLAN_NOTICES) as [PlanNoticeCode, ...PlanNoticeCode[]]),
  message: z.string(),
});
export type PlanNoticeDto = z.infer<typeof ZPlanNotice>;

export function planNotice(code: PlanNoticeCode): PlanNoticeDto {
  return { code, message: PLAN_NOTICES[code] };
}
