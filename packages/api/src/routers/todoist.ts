import {
  connectTodoistWithToken,
  createTodoistConnectUrl,
  disconnectTodoist,
  getTodoistStatus,
  syncTodoistNow,
  TODOIST_ITSELF,
  type TodoistConfig,
  ZConnectTodoistInput,
  ZDisconnectTodoistInput,
  ZTodoistConnectUrl,
  ZTodoistConnectUrlInput,
  ZTodoistStatus,
  ZTodoistSyncAnswer,
} from "@agendacraft/domain/todoist";
import { z } from "zod";
import type { Context } from "../context.ts";
import { createTRPCRouter, protectedProcedure } from "../trpc.ts";

function servicesOf(ctx: Context & { session: { userId: string } }) {
  const config: TodoistConfig = ctx.todoist ?? TODOIST_ITSELF;
  return {
    db: ctx.db,
    config,
    secrets: ctx.secrets,
    clock: ctx.clock,
    events: ctx.events,
    jobs: ctx.jobs,
    log: ctx.log,
    actorId: ctx.session.userId,
  };
}

export const todoistRouter = createTRPCRouter({
  status: protectedProcedure
    .input(z.void())
    .output(ZTodoistStatus)
    .query(({ ctx }) => getTodoistStatus(servicesOf(ctx))),

  connect: protectedProcedure
    .input(ZConnectTodoistInput)
    .output(ZTodoistStatus)
    .mutation(({ ctx, input }) => connectTodoistWithToken({ ...servicesOf(ctx), input })),

  connectUrl: protectedProcedure
    .input(ZTodoistConnectUrlInput)
    .output(ZTodoistConnectUrl)
    .mutation(({ ctx, input }) => createTodoistConnectUrl({ ...servicesOf(ctx), input })),

  disconnect: protectedProcedure
    .input(ZDisconnectTodoistInput)
    .output(z.object({ disconnected: z.literal(true) }))
    .mutation(({ ctx, input }) => disconnectTodoist({ ...servicesOf(ctx), input })),

  sync: protectedProcedure
    .input(z.void())
    .output(ZTodoistSyncAnswer)
    .mutation(({ ctx }) => syncTodoistNow(servicesOf(ctx))),
});
