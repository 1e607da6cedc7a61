import {
  previewRecurrenceRule,
  ZPreviewRecurrenceInput,
  ZRecurrencePreview,
} from "@agendacraft/domain/scheduler/planners";
import { createTRPCRouter, protectedProcedure } from "../../trpc.ts";

export const recurrenceRouter = createTRPCRouter({
  preview: protectedProcedure
    .input(ZPreviewRecurrenceInput)
    .output(ZRecurrencePreview)
    .query(({ ctx, input }) => previewRecurrenceRule({ db: ctx.db, actorId: ctx.session.userId, input })),
});
