import {
  countUnreadNotifications,
  getNotificationSettings,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  markNotificationsRead,
  type NotificationDto,
  streamNewNotifications,
  updateNotificationSettings,
  ZListNotificationsInput,
  ZMarkNotificationsReadInput,
  ZNotification,
  ZNotificationPage,
  ZNotificationSettings,
  ZOnNewNotificationsInput,
  ZUpdatedCount,
  ZUpdateNotificationSettingsInput,
} from "@agendacraft/domain/notifier";
import { tracked } from "@trpc/server";
import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "../trpc.ts";

/** SSE event ids: a reconnecting client sends the last one back as `lastEventId`. */
async function* withEventIds(stream: AsyncIterable<NotificationDto>) {
  for await (const notification of stream) yield tracked(notification.id, notification);
}

const settingsRouter = createTRPCRouter({
  get: protectedProcedure
    .input(z.void())
    .output(ZNotificationSettings)
    .query(({ ctx }) => getNotificationSettings({ db: ctx.db, actorId: ctx.session.userId })),

  update: protectedProcedure
    .input(ZUpdateNotificationSettingsInput)
    .output(ZNotificationSettings)
    .mutation(({ ctx, input }) =>
      updateNotificationSettings({ db: ctx.db, actorId: ctx.session.userId, input, events: ctx.events }),
    ),
});

const notificationsRouter = createTRPCRouter({
  list: protectedProcedure
    .input(ZListNotificationsInput)
    .output(ZNotificationPage)
    .query(({ ctx, input }) => listNotifications({ db: ctx.db, actorId: ctx.session.userId, input })),

  unreadCount: protectedProcedure
    .input(z.void())
    .output(z.object({ count: z.number().int() }))
    .query(({ ctx }) => countUnreadNotifications({ db: ctx.db, actorId: ctx.session.userId })),

  markRead: protectedProcedure
    .input(ZMarkNotificationsReadInput)
    .output(ZUpdatedCount)
    .mutation(({ ctx, input }) =>
      markNotificationsRead({ db: ctx.db, actorId: ctx.session.userId, input, clock: ctx.clock }),
    ),

  /** One notification, answered with it; not the caller's (or unknown): `notifier.notification_not_found`. */
  markOneRead: protectedProcedure
    .input(z.object({ id: z.uuid() }))
    .output(ZNotification)
    .mutation(({ ctx, input }) =>
      markNotificationRead({ db: ctx.db, actorId: ctx.session.userId, id: input.id, clock: ctx.clock }),
    ),

  markAllRead: protectedProcedure
    .input(z.void())
    .output(ZUpdatedCount)
    .mutation(({ ctx }) => markAllNotificationsRead({ db: ctx.db, actorId: ctx.session.userId, clock: ctx.clock })),

  /** Server-sent events; no output schema: tRPC validates a subscription's output as one value, not per event. */
  onNew: protectedProcedure.input(ZOnNewNotificationsInput).subscription(({ ctx, input, signal }) =>
    withEventIds(
      streamNewNotifications({
        bus: ctx.notifications,
        actorId: ctx.session.userId,
        lastEventId: input?.lastEventId,
        signal,
      }),
    ),
  ),
});

export const notifierRouter = createTRPCRouter({
  settings: settingsRouter,
  notifications: notificationsRouter,
});
