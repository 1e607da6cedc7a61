import { CalendarConnectionNeedsReconnect } from "../../calendars/events.ts";
import type { Clock } from "../../shared/clock.ts";
import { defineSubscriber, on, type Subscriber } from "../../shared/events/subscriber.ts";
import { publishNotification } from "../bus/publish-notification.ts";
import { insertNotificationOnce } from "../notifications/insert-notification-once.ts";
import { NOTIFICATION_KINDS } from "../schemas.ts";

/**
 * Tells the person in the app when a calendar connection stopped working and needs them.
 * Keyed by the connection and its version, so a redelivered event makes no second
 * notification, while a connection that breaks again after a reconnect makes a new one.
 */
export function createCalendarAlertsSubscriber({ clock }: { clock: Clock }): Subscriber {
  return defineSubscriber({
    name: "notifier.calendar-alerts",
    handlers: [
      on(CalendarConnectionNeedsReconnect, async ({ tx, event }) => {
        const now = clock.now();
        const stored = await insertNotificationOnce(tx, {
          userId: event.userId,
          kind: NOTIFICATION_KINDS.calendarNeedsReconnect,
          taskId: null,
          title: "Reconnect Google Calendar",
          body: `Google no longer lets AgendaCraft read ${event.payload.email}'s calendars, so its busy time and planned tasks are not kept in sync. Reconnect it in Settings → Connections.`,
          dedupeKey: `calendar_needs_reconnect:${event.aggregateId}:${event.version}`,
          readAt: null,
          // In the app only: nothing claims it for an email.
          emailSentAt: now,
          createdAt: now,
        });
        if (stored.created) await publishNotification(tx, { userId: event.userId, id: stored.id });
      }),
    ],
  });
}
