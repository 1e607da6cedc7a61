import type { Db } from "../../shared/db.ts";
import { invalidCursorError, type Page, toPage } from "../../shared/pagination.ts";
import { notificationSelect } from "../notification.select.ts";
import type { ListNotificationsInput, NotificationDto } from "../schemas.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  if (input.cursor && !UUID.test(input.cursor)) throw invalidCursorError();
  const rows = await db.notification.findMany({
    where: {
      userId: actorId,
      ...(input.unreadOnly ? { readAt: null } : {}),
      ...(input.cursor ? { id: { lt: input.cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: input.limit + 1,
    select: notificationSelect,
  });
  return toPage(rows, input.limit, (row) => row.id);
}
