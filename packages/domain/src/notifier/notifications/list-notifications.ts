import type { Db } from "../../shared/db.ts";
import { idCursor, type Page, toPage } from "../../shared/pagination.ts";
import { notificationSelect } from "../notification.select.ts";
import type { ListNotificationsInput, NotificationDto } from "../schemas.ts";

/** The actor's notifications, newest first (ids are UUIDv7: id order is creation order). */
export async function listNotifications({
  db,
  actorId,
  input,
}: {
  db: Db;
  actorId: string;
  input: ListNotificationsInput;
}): Promise<Page<NotificationDto>> {
  const cursor = idCursor(input.cursor);
  const rows = await db.notification.findMany({
    where: {
      userId: actorId,
      ...(input.unreadOnly ? { readAt: null } : {}),
      ...(cursor ? { id: { lt: cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: input.limit + 1,
    select: notificationSelect,
  });
  return toPage(rows, input.limit, (row) => row.id);
}
