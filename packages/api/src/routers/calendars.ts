import {
  addFeed,
  listBusy,
  listFeeds,
  removeFeed,
  syncFeed,
  ZAddFeedInput,
  ZBusyList,
  ZCalendarFeed,
  ZFeedIdInput,
  ZListBusyInput,
} from "@agendacraft/domain/calendars";
import { z } from "zod";
import type { Context } from "../context.ts";
import { idempotentProcedure } from "../idempotent-procedure.ts";
import { createTRPCRouter, protectedProcedure } from "../trpc.ts";

/** Private networks stay off limits unless the server was started to allow them (tests). */
function fetchPolicy(ctx: Context): { allowPrivateNetworks: boolean } {
  return { allowPrivateNetworks: ctx.calendarFeeds?.allowPrivateNetworks ?? false };
}

const feedsRouter = createTRPCRouter({
  list: protectedProcedure
    .input(z.void())
    .output(z.array(ZCalendarFeed))
    .query(({ ctx }) => listFeeds({ db: ctx.db, actorId: ctx.session.userId, secrets: ctx.secrets })),

  add: idempotentProcedure
    .input(ZAddFeedInput)
    .output(ZCalendarFeed)
    .mutation(({ ctx, input }) =>
      addFeed({
        db: ctx.db,
        actorId: ctx.session.userId,
        input,
        clock: ctx.clock,
        secrets: ctx.secrets,
        events: ctx.events,
        ...fetchPolicy(ctx),
      }),
    ),

  remove: protectedProcedure
    .input(ZFeedIdInput)
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(({ ctx, input }) => removeFeed({ db: ctx.db, actorId: ctx.session.userId, input, events: ctx.events })),

  sync: protectedProcedure
    .input(ZFeedIdInput)
    .output(ZCalendarFeed)
    .mutation(({ ctx, input }) =>
      syncFeed({
        db: ctx.db,
        actorId: ctx.session.userId,
        input,
        clock: ctx.clock,
        secrets: ctx.secrets,
        events: ctx.events,
        ...fetchPolicy(ctx),
      }),
    ),
});

export const calendarsRouter = createTRPCRouter({
  feeds: feedsRouter,

  busy: protectedProcedure
    .input(ZListBusyInput)
    .output(ZBusyList)
    .query(({ ctx, input }) => listBusy({ db: ctx.db, actorId: ctx.session.userId, input, log: ctx.log })),
});
