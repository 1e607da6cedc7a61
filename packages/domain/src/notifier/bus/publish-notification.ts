import type { Prisma } from "@agendacraft/db/prisma";
import { z } from "zod";

/** The PostgreSQL NOTIFY channel new notifications are announced on, to every process. */
export const NOTIFICATIONS_CHANNEL = "agendacraft_notifications";

export const ZNotificationAnnouncement = z.object({ userId: z.uuid(), id: z.uuid() });
export type NotificationAnnouncement = z.infer<typeof ZNotificationAnnouncement>;

/**
 * Announces a new notification. Call it inside the transaction that creates the
 * notification: PostgreSQL delivers it only when that transaction commits (so listeners
 * can read the row) and never when it rolls back. Carries ids only; listeners load the row.
 */
export async function publishNotification(
  tx: Prisma.TransactionClient,
  announcement: NotificationAnnouncement,
): Promise<void> {
  const payload = JSON.stringify({ userId: announcement.userId, id: announcement.id });
  await tx.$executeRaw`SELECT pg_notify(${NOTIFICATIONS_CHANNEL}, ${payload})`;
}
