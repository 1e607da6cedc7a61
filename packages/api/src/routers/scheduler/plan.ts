import {
  applyPlan,
  getPlanSettings,
  listPlanRuns,
  previewPlan,
  replanOverdue,
  undoPlan,
  updatePlanSettings,
  ZApplyPlanResult,
  ZListPlanRunsInput,
  ZPlanInput,
  ZPlanPreviewResult,
  ZPlanRun,
  ZPlanSettings,
  ZReplanOverdueInput,
  ZUndoPlanInput,
  ZUndoPlanResult,
} from "@agendacraft/domain/scheduler/plan";
import { z } from "zod";
import { idempotentProcedure } from "../../idempotent-procedure.ts";
import { createTRPCRouter, protectedProcedure } from "../../trpc.ts";

const settingsRouter = createTRPCRouter({
  get: protectedProcedure
    .input(z.void())
    .output(ZPlanSettings)
    .query(({ ctx }) => getPlanSettings({ db: ctx.db, actorId: ctx.session.userId })),

  update: protectedProcedure
    .input(ZPlanSettings)
    .output(ZPlanSettings)
    .mutation(({ ctx, input }) =>
      updatePlanSettings({ db: ctx.db, actorId: ctx.session.userId, input, events: ctx.events }),
    ),
});

export const planRouter = createTRPCRouter({
  settings: settingsRouter,

  preview: protectedProcedure
    .input(ZPlanInput)
    .output(ZPlanPreviewResult)
    .query(({ ctx, input }) =>
      previewPlan({ db: ctx.db, actorId: ctx.session.userId, input, clock: ctx.clock, log: ctx.log }),
    ),

  // tRPC reserves `apply` (it would shadow Function.prototype.apply on the client proxy).
  commit: idempotentProcedure
    .input(ZPlanInput)
    .output(ZApplyPlanResult)
    .mutation(({ ctx, input }) =>
      applyPlan({ db: ctx.db, actorId: ctx.session.userId, input, clock: ctx.clock, events: ctx.events, log: ctx.log }),
    ),

  /** Plans the overdue tasks (all, or the ones named) again from now, as one undoable run. */
  replanOverdue: protectedProcedure
    .input(ZReplanOverdueInput)
    .output(ZApplyPlanResult)
    .mutation(({ ctx, input }) =>
      replanOverdue({
        db: ctx.db,
        actorId: ctx.session.userId,
        input,
        clock: ctx.clock,
        events: ctx.events,
        log: ctx.log,
      }),
    ),

  undo: protectedProcedure
    .input(ZUndoPlanInput)
    .output(ZUndoPlanResult)
    .mutation(({ ctx, input }) =>
      undoPlan({ db: ctx.db, actorId: ctx.session.userId, runId: input.runId, clock: ctx.clock, events: ctx.events }),
    ),

  runs: protectedProcedure
    .input(ZListPlanRunsInput)
    .output(z.array(ZPlanRun))
    .query(({ ctx, input }) => listPlanRuns({ db: ctx.db, actorId: ctx.session.userId, limit: input.limit })),
});
