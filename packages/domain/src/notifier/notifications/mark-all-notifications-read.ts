import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";

export async function markAllNotificationsRead({
  db,
  actorId,
  clock,
}: {
  db: Db;
  actorId: string;
  clock: Clock;
}): Promise<{ updated: number }> {
  const { count } = await db.notification.updateMany({
    where: { userId: actorId, readAt: null },
    data: { readAt: clock.now() },
  });
  return { updated: count };
}
