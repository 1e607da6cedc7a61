import type { Prisma } from "@agendacraft/db/prisma";
import type { OrderScope } from "./order-scope.ts";

type Tx = Prisma.TransactionClient;
type Shift = { order: { gt: number } | { gte: number }; by: 1 | -1 };

/**
 * Shifts the rows after a position by one. Through Prisma rather than raw SQL so `updatedAt`
 * moves with the row as for any other write; the rows' versions stay (see the migration
 * renumbering_keeps_version): they did not change, another row came, went or moved, and a plan
 * that placed one of them can still be undone.
 */
async function shiftOrders(tx: Tx, scope: OrderScope, shift: Shift): Promise<void> {
  await tx.$executeRaw`SELECT set_config('agendacraft.renumbering', 'on', true)`;
  try {
    await shiftRows(tx, scope, shift);
  } finally {
    await tx.$executeRaw`SELECT set_config('agendacraft.renumbering', 'off', true)`;
  }
}

async function shiftRows(tx: Tx, scope: OrderScope, { order, by }: Shift): Promise<void> {
  const data = { order: by === 1 ? { increment: 1 } : { decrement: 1 } };
  switch (scope.table) {
    case "areas":
      await tx.area.updateMany({ where: { userId: scope.userId, order }, data });
      return;
    case "projects":
      await tx.project.updateMany({ where: { userId: scope.userId, order }, data });
      return;
    case "tasks":
      await tx.task.updateMany({ where: { userId: scope.userId, projectId: scope.projectId, order }, data });
      return;
  }
}

/** Closes the gap a row left at `order` once it is out of `scope` (deleted, or moved away). */
export function closeOrderGap(tx: Tx, scope: OrderScope, order: number): Promise<void> {
  return shiftOrders(tx, scope, { order: { gt: order }, by: -1 });
}

/** Makes room at `order` for a row coming in, by moving the rows at and after it down by one. */
export function makeOrderRoom(tx: Tx, scope: OrderScope, order: number): Promise<void> {
  return shiftOrders(tx, scope, { order: { gte: order }, by: 1 });
}
