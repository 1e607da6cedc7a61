import { createTRPCRouter } from "../../trpc.ts";
import { areasRouter } from "./areas.ts";
import { onboardingRouter } from "./onboarding.ts";
import { planRouter } from "./plan.ts";
import { plannersRouter } from "./planners.ts";
import { projectsRouter } from "./projects.ts";
import { recurrenceRouter } from "./recurrence.ts";
import { tasksRouter } from "./tasks.ts";

export const schedulerRouter = createTRPCRouter({
  areas: areasRouter,
  onboarding: onboardingRouter,
  projects: projectsRouter,
  plan: planRouter,
  planners: plannersRouter,
  recurrence: recurrenceRouter,
  tasks: tasksRouter,
});
