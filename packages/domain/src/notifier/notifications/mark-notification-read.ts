import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import { notificationSelect } from "../notification.select.ts";
import { notificationNotFound } from "../notifier-errors.ts";
import type { NotificationDto } from "../schemas.ts";

/**
 * One of the actor's notifications marked read (it keeps the time it was first read) and
 * returned; another person's or an unknown id is `notifier.notification_not_found`, alike.
 */
export async function markNotificationRead({
  db,
  actorId,
  id,
  clock,
}: {
  db: Db;
  actorId: string;
  id: string;
  clock: Clock;
}): Promise<NotificationDto> {
  await db.notification.updateMany({ where: { id, userId: actorId, readAt: null }, data: { readAt: clock.now() } });
  const notification = await db.notification.findFirst({ where: { id, userId: actorId }, select: notificationSelect });
  if (!notification) throw notificationNotFound();
  return notification;
}
