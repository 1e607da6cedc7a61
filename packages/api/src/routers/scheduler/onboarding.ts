import { getOnboardingProgress, ZOnboardingProgress } from "@agendacraft/domain/scheduler/onboarding";
import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "../../trpc.ts";

export const onboardingRouter = createTRPCRouter({
  /** Which first-run steps the person has done (the web's checklist). */
  progress: protectedProcedure
    .input(z.void())
    .output(ZOnboardingProgress)
    .query(({ ctx }) => getOnboardingProgress({ db: ctx.db, actorId: ctx.session.userId })),
});
