import type { Listen } from "@agendacraft/db/client";
import type { Db } from "../../shared/db.ts";
import { newId } from "../../shared/ids.ts";
import type { NotifierLog } from "../mail/mailer.ts";
import { notificationSelect } from "../notification.select.ts";
import type { NotificationDto } from "../schemas.ts";
import { createAsyncQueue } from "./async-queue.ts";
import { NOTIFICATIONS_CHANNEL, ZNotificationAnnouncement } from "./publish-notification.ts";

/** A subscriber further behind than this is cut off; it reconnects and catches up from the database. */
const MAX_BUFFERED = 500;
const CATCH_UP_PAGE = 100;
const REMEMBERED_IDS = 1_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SubscribeOptions = {
  /** The last notification id the client saw (SSE's lastEventId): unread ones after it come first. */
  after?: string | null;
  /** Ends the stream (the client went away). */
  signal?: AbortSignal;
};

/** Live in-app notifications for the users connected to this process. */
export type NotificationBus = {
  /**
   * The user's new unread notifications, as any process creates them, until `signal`
   * aborts or the bus closes. Each is yielded once per subscription.
   */
  subscribe(userId: string, options?: SubscribeOptions): AsyncIterable<NotificationDto>;
  /** Stops listening and ends every open stream. */
  close(): Promise<void>;
};

type Subscription = {
  userId: string;
  queue: ReturnType<typeof createAsyncQueue<NotificationDto>>;
  /** Notifications with a greater id may still be missing: where a catch-up reads from. */
  cursor: string;
  seen: Set<string>;
  /** Catch-ups running; meanwhile live arrivals wait in `held`, so the stream stays in id order. */
  catchingUp: number;
  held: NotificationDto[];
};

/**
 * Listens on the notifications channel (one connection per process, whatever the number
 * of subscribers) and fans each announcement out to that user's open streams, reading
 * the row once. When the listening connection had dropped, every stream reads what it
 * missed from the database, so a notification is never lost to a reconnect.
 */
export async function createNotificationBus({
  db,
  listen,
  log,
}: {
  db: Db;
  listen: Listen;
  log: NotifierLog;
}): Promise<NotificationBus> {
  const byUser = new Map<string, Set<Subscription>>();
  let closed = false;

  function push(subscription: Subscription, notification: NotificationDto) {
    if (subscription.seen.has(notification.id)) return;
    subscription.seen.add(notification.id);
    if (subscription.seen.size > REMEMBERED_IDS) {
      const oldest = subscription.seen.values().next().value;
      if (oldest !== undefined) subscription.seen.delete(oldest);
    }
    if (notification.id > subscription.cursor) subscription.cursor = notification.id;
    subscription.queue.push(notification);
  }

  function offer(subscription: Subscription, notification: NotificationDto) {
    if (subscription.catchingUp > 0) subscription.held.push(notification);
    else push(subscription, notification);
  }

  async function catchUp(subscription: Subscription) {
    subscription.catchingUp += 1;
    try {
      for (;;) {
        const rows = await db.notification.findMany({
          where: { userId: subscription.userId, readAt: null, id: { gt: subscription.cursor } },
          orderBy: { id: "asc" },
          take: CATCH_UP_PAGE,
          select: notificationSelect,
        });
        for (const row of rows) push(subscription, row);
        if (rows.length < CATCH_UP_PAGE || subscription.queue.ended) break;
      }
    } catch (error) {
      log.warn({ err: error, userId: subscription.userId }, "could not catch up on notifications; ending the stream");
      subscription.queue.end();
    } finally {
      subscription.catchingUp -= 1;
      if (subscription.catchingUp === 0) {
        for (const notification of subscription.held.splice(0)) push(subscription, notification);
      }
    }
  }

  async function deliver(payload: string) {
    let announcement: { userId: string; id: string };
    try {
      announcement = ZNotificationAnnouncement.parse(JSON.parse(payload));
    } catch {
      log.warn({ channel: NOTIFICATIONS_CHANNEL }, "ignored a malformed notification announcement");
      return;
    }
    const subscriptions = byUser.get(announcement.userId);
    if (!subscriptions || subscriptions.size === 0) return;
    try {
      const notification = await db.notification.findFirst({
        where: { id: announcement.id, userId: announcement.userId, readAt: null },
        select: notificationSelect,
      });
      if (!notification) return;
      for (const subscription of byUser.get(announcement.userId) ?? []) offer(subscription, notification);
    } catch (error) {
      // The stream would silently miss it: end it instead; the client reconnects and catches up.
      log.warn({ err: error, userId: announcement.userId }, "could not load a new notification; ending its streams");
      for (const subscription of byUser.get(announcement.userId) ?? []) subscription.queue.end();
    }
  }

  const unlisten = await listen(
    NOTIFICATIONS_CHANNEL,
    (payload) => {
      void deliver(payload);
    },
    {
      onReconnect: () => {
        log.info({ channel: NOTIFICATIONS_CHANNEL }, "listening again; streams catch up on what they missed");
        for (const subscriptions of byUser.values()) {
          for (const subscription of subscriptions) void catchUp(subscription);
        }
      },
    },
  );

  function register(userId: string, after: string | null | undefined): Subscription {
    const subscription: Subscription = {
      userId,
      queue: createAsyncQueue<NotificationDto>(MAX_BUFFERED),
      // Without a valid `after`, the stream starts now: a UUIDv7 made now sorts before every later id.
      cursor: after && UUID.test(after) ? after.toLowerCase() : newId(),
      seen: new Set(),
      catchingUp: 0,
      held: [],
    };
    if (closed) subscription.queue.end();
    const subscriptions = byUser.get(userId) ?? new Set();
    subscriptions.add(subscription);
    byUser.set(userId, subscriptions);
    return subscription;
  }

  function unregister(subscription: Subscription) {
    const subscriptions = byUser.get(subscription.userId);
    subscriptions?.delete(subscription);
    if (subscriptions?.size === 0) byUser.delete(subscription.userId);
  }

  return {
    async *subscribe(userId, { after, signal } = {}) {
      const subscription = register(userId, after);
      const stop = () => subscription.queue.end();
      signal?.addEventListener("abort", stop, { once: true });
      try {
        if (signal?.aborted) return;
        // Registered first, then read: whatever commits in between arrives live or is read, never neither.
        if (after) await catchUp(subscription);
        yield* subscription.queue.drain();
      } finally {
        signal?.removeEventListener("abort", stop);
        unregister(subscription);
      }
    },

    async close() {
      if (closed) return;
      closed = true;
      for (const subscriptions of byUser.values()) {
        for (const subscription of subscriptions) subscription.queue.end();
      }
      await unlisten();
    },
  };
}
