import { z } from "zod";

/** The first-run checklist, each step read from what the person has really done. */
export const ZOnboardingProgress = z.object({
  /** At least one task, done or not. */
  hasTasks: z.boolean(),
  /** At least one planner (working hours), active or paused. */
  hasPlanner: z.boolean(),
  /** At least one plan was written (by hand or by auto-plan), even if undone since. */
  hasPlanRun: z.boolean(),
});
export type OnboardingProgressDto = z.infer<typeof ZOnboardingProgress>;
