import { ACCOUNT_LIMITS } from "../../shared/account-limits.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { lockOrdering } from "../ordering/lock-ordering.ts";
import { nextOrder } from "../ordering/next-order.ts";
import { areaOrder } from "../ordering/order-scope.ts";
import { areaSelect, toAreaDto } from "./area.select.ts";
import { tooManyAreas } from "./area-errors.ts";
import type { AreaDto, CreateAreaInput } from "./schemas.ts";

/** Adds an area after the user's last one; at most ACCOUNT_LIMITS.areas. */
export async function createArea({
  db,
  actorId,
  input,
}: {
  db: Db;
  actorId: string;
  input: CreateAreaInput;
}): Promise<AreaDto> {
  return withTransaction(db, async (tx) => {
    await lockOrdering(tx, actorId, "areas");
    if ((await tx.area.count({ where: { userId: actorId } })) >= ACCOUNT_LIMITS.areas) throw tooManyAreas();
    const order = await nextOrder(tx, areaOrder(actorId));
    return tx.area.create({
      data: { userId: actorId, name: input.name, color: input.color, order },
      select: areaSelect,
    });
  }).then(toAreaDto);
}
