import type { Prisma } from "@agendacraft/db/prisma";
import { lockOrdering } from "../ordering/lock-ordering.ts";
import { nextOrder } from "../ordering/next-order.ts";
import { areaOrder, projectOrder } from "../ordering/order-scope.ts";

/**
 * Holds the person's area and project positions for the rest of the caller's transaction, so
 * the imported ones below are appended without racing a create made meanwhile.
 */
export async function lockImportedContainers(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  await lockOrdering(tx, userId, "areas", "projects");
}

/** Appends an imported area after the person's last one (limits are the caller's, who notes instead of failing). */
export async function createImportedArea(
  tx: Prisma.TransactionClient,
  { userId, name }: { userId: string; name: string },
): Promise<string> {
  const order = await nextOrder(tx, areaOrder(userId));
  return (await tx.area.create({ data: { userId, name, order }, select: { id: true } })).id;
}

/** Appends an imported project after the person's last one, in an area or none; no colour: the default. */
export async function createImportedProject(
  tx: Prisma.TransactionClient,
  { userId, name, areaId, color }: { userId: string; name: string; areaId: string | null; color?: string },
): Promise<string> {
  const order = await nextOrder(tx, projectOrder(userId));
  return (await tx.project.create({ data: { userId, name, areaId, order, color }, select: { id: true } })).id;
}
