import { type Db, withTransaction } from "../../shared/db.ts";
import { lockOrdering } from "../ordering/lock-ordering.ts";
import { areaOrder } from "../ordering/order-scope.ts";
import { closeOrderGap } from "../ordering/shift-orders.ts";
import { areaNotFound } from "./area-errors.ts";
import type { AreaIdInput } from "./schemas.ts";

/**
 * Deletes one of the actor's areas. Its projects and tasks stay, without an area (the
 * foreign keys set it to null); the areas after it move up so orders stay 1..n.
 */
export async function deleteArea({ db, actorId, input }: { db: Db; actorId: string; input: AreaIdInput }) {
  return withTransaction(db, async (tx) => {
    // The foreign keys rewrite the area's projects and tasks, rows project and task writes lock.
    await lockOrdering(tx, actorId, "areas", "projects", "tasks");
    const area = await tx.area.findFirst({ where: { id: input.id, userId: actorId }, select: { order: true } });
    if (!area) throw areaNotFound();
    await tx.area.delete({ where: { id: input.id } });
    await closeOrderGap(tx, areaOrder(actorId), area.order);
    return { deleted: true as const };
  });
}
