import {
  createPlanner,
  deletePlanner,
  getPlanner,
  listPlanners,
  listPlannerWindows,
  updatePlanner,
  ZCreatePlannerInput,
  ZListPlannersInput,
  ZPlanner,
  ZPlannerIdInput,
  ZPlannerPage,
  ZPlannerWindow,
  ZPlannerWindowsInput,
  ZUpdatePlannerInput,
} from "@agendacraft/domain/scheduler/planners";
import { z } from "zod";
import { idempotentProcedure } from "../../idempotent-procedure.ts";
import { createTRPCRouter, protectedProcedure } from "../../trpc.ts";

export const plannersRouter = createTRPCRouter({
  create: idempotentProcedure
    .input(ZCreatePlannerInput)
    .output(ZPlanner)
    .mutation(({ ctx, input }) =>
      createPlanner({ db: ctx.db, actorId: ctx.session.userId, input, events: ctx.events }),
    ),

  update: protectedProcedure
    .input(ZUpdatePlannerInput)
    .output(ZPlanner)
    .mutation(({ ctx, input }) =>
      updatePlanner({ db: ctx.db, actorId: ctx.session.userId, input, events: ctx.events }),
    ),

  delete: protectedProcedure
    .input(ZPlannerIdInput)
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(({ ctx, input }) =>
      deletePlanner({ db: ctx.db, actorId: ctx.session.userId, input, events: ctx.events }),
    ),

  byId: protectedProcedure
    .input(ZPlannerIdInput)
    .output(ZPlanner)
    .query(({ ctx, input }) => getPlanner({ db: ctx.db, actorId: ctx.session.userId, input })),

  list: protectedProcedure
    .input(ZListPlannersInput)
    .output(ZPlannerPage)
    .query(({ ctx, input }) => listPlanners({ db: ctx.db, actorId: ctx.session.userId, input })),

  windows: protectedProcedure
    .input(ZPlannerWindowsInput)
    .output(z.array(ZPlannerWindow))
    .query(({ ctx, input }) => listPlannerWindows({ db: ctx.db, actorId: ctx.session.userId, input })),
});
