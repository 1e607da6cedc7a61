import type { Db } from "../../shared/db.ts";

export async function countUnreadNotifications({ db, actorId }: { db: Db; actorId: string }) {
  const count = await db.notification.count({ where: { userId: actorId, readAt: null } });
  return { count };
}
