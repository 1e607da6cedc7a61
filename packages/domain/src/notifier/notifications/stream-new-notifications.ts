import type { NotificationBus } from "../bus/create-notification-bus.ts";
import { liveNotificationsUnavailable } from "../notifier-errors.ts";
import type { NotificationDto } from "../schemas.ts";

/**
 * The actor's new notifications as they arrive; after a reconnect (`lastEventId`), the
 * unread ones created since come first. Ends when `signal` aborts or the server stops.
 * Throws at once (not mid-stream) when this server has no live notifications.
 */
export function streamNewNotifications({
  bus,
  actorId,
  lastEventId,
  signal,
}: {
  bus: NotificationBus | undefined;
  actorId: string;
  lastEventId?: string | null;
  signal?: AbortSignal;
}): AsyncIterable<NotificationDto> {
  if (!bus) throw liveNotificationsUnavailable();
  return bus.subscribe(actorId, { after: lastEventId ?? null, ...(signal ? { signal } : {}) });
}
