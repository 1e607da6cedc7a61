import {
  addFeed,
  createConnectUrl,
  createWriteCalendar,
  disconnectConnection,
  listBusy,
  listConnections,
  listFeeds,
  removeFeed,
  requireGoogle,
  syncFeed,
  syncNow,
  updateConnectedCalendar,
  ZAddFeedInput,
  ZBusyList,
  ZCalendarConnection,
  ZCalendarFeed,
  ZConnectedCalendar,
  ZConnectUrl,
  ZConnectUrlInput,
  ZCreateWriteCalendarInput,
  ZDisconnectInput,
  ZFeedIdInput,
  ZListBusyInput,
  ZSyncInput,
  ZSyncResult,
  ZUpdateCalendarInput,
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

/** Every procedure here answers `calendars.google_not_configured` when the server has no Google client. */
const googleProcedure = protectedProcedure.use(({ ctx, next }) => next({ ctx: { google: requireGoogle(ctx.google) } }));

const googleRouter = createTRPCRouter({
  connectUrl: googleProcedure
    .input(ZConnectUrlInput)
    .output(ZConnectUrl)
    .mutation(({ ctx, input }) =>
      createConnectUrl({ db: ctx.db, google: ctx.google, actorId: ctx.session.userId, input, clock: ctx.clock }),
    ),

  updateCalendar: googleProcedure
    .input(ZUpdateCalendarInput)
    .output(ZConnectedCalendar)
    .mutation(({ ctx, input }) =>
      updateConnectedCalendar({
        db: ctx.db,
        actorId: ctx.session.userId,
        input,
        events: ctx.events,
        jobs: ctx.jobs,
      }),
    ),

  createWriteCalendar: googleProcedure
    .input(ZCreateWriteCalendarInput)
    .output(ZConnectedCalendar)
    .mutation(({ ctx, input }) =>
      createWriteCalendar({
        db: ctx.db,
        google: ctx.google,
        secrets: ctx.secrets,
        clock: ctx.clock,
        events: ctx.events,
        actorId: ctx.session.userId,
        input,
      }),
    ),
});

export const calendarsRouter = createTRPCRouter({
  feeds: feedsRouter,
  google: googleRouter,

  list: protectedProcedure
    .input(z.void())
    .output(z.array(ZCalendarConnection))
    .query(({ ctx }) => listConnections({ db: ctx.db, actorId: ctx.session.userId })),

  disconnect: protectedProcedure
    .input(ZDisconnectInput)
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(({ ctx, input }) =>
      disconnectConnection({
        db: ctx.db,
        google: ctx.google,
        secrets: ctx.secrets,
        clock: ctx.clock,
        events: ctx.events,
        actorId: ctx.session.userId,
        input,
        log: ctx.log,
      }),
    ),

  sync: protectedProcedure
    .input(ZSyncInput)
    .output(ZSyncResult)
    .mutation(({ ctx, input }) =>
      syncNow({
        db: ctx.db,
        google: ctx.google,
        secrets: ctx.secrets,
        clock: ctx.clock,
        events: ctx.events,
        jobs: ctx.jobs,
        actorId: ctx.session.userId,
        input,
        ...fetchPolicy(ctx),
      }),
    ),

  busy: protectedProcedure
    .input(ZListBusyInput)
    .output(ZBusyList)
    .query(({ ctx, input }) => listBusy({ db: ctx.db, actorId: ctx.session.userId, input, log: ctx.log })),
});
