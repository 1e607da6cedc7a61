import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { MarkNotificationsReadInput } from "../schemas.ts";

/**
 * Marks the actor's own notifications among `ids` as read; ids of others, unknown ids
 * and notifications already read are skipped silently (and not counted), so the answer
 * reveals nothing about anyone else's.
 */
export async function markNotificationsRead({
  db,
  actorId,
  input,
  clock,
}: {
  db: Db;
  actorId: string;
  input: MarkNotificationsReadInput;
  clock: Clock;
}): Promise<{ updated: number }> {
  const { count } = await db.notification.updateMany({
    where: { id: { in: input.ids }, userId: actorId, readAt: null },
    data: { readAt: clock.now() },
  });
  return { updated: count };
}
