import {
  createArea,
  deleteArea,
  getArea,
  listAreas,
  updateArea,
  ZArea,
  ZAreaIdInput,
  ZAreaPage,
  ZAreaWithCounts,
  ZCreateAreaInput,
  ZListAreasInput,
  ZUpdateAreaInput,
} from "@agendacraft/domain/scheduler/areas";
import { z } from "zod";
import { idempotentProcedure } from "../../idempotent-procedure.ts";
import { createTRPCRouter, protectedProcedure } from "../../trpc.ts";

export const areasRouter = createTRPCRouter({
  create: idempotentProcedure
    .input(ZCreateAreaInput)
    .output(ZArea)
    .mutation(({ ctx, input }) => createArea({ db: ctx.db, actorId: ctx.session.userId, input })),

  update: protectedProcedure
    .input(ZUpdateAreaInput)
    .output(ZArea)
    .mutation(({ ctx, input }) => updateArea({ db: ctx.db, actorId: ctx.session.userId, input })),

  delete: protectedProcedure
    .input(ZAreaIdInput)
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(({ ctx, input }) => deleteArea({ db: ctx.db, actorId: ctx.session.userId, input })),

  byId: protectedProcedure
    .input(ZAreaIdInput)
    .output(ZAreaWithCounts)
    .query(({ ctx, input }) => getArea({ db: ctx.db, actorId: ctx.session.userId, input })),

  list: protectedProcedure
    .input(ZListAreasInput)
    .output(ZAreaPage)
    .query(({ ctx, input }) => listAreas({ db: ctx.db, actorId: ctx.session.userId, input })),
});
