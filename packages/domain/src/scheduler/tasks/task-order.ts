import type { Prisma } from "@agendacraft/db/prisma";

type Tx = Prisma.TransactionClient;

/** A task's position is counted within its project, or within the inbox when it has none. */
export type OrderScope = { userId: string; projectId: string | null };

function scopeKey(scope: OrderScope): string {
  return `tasks:${scope.userId}:${scope.projectId ?? "inbox"}`;
}

/**
 * Serialises order changes within the given scopes until the transaction ends, so
 * concurrent creates and moves never hand out the same position. Keys are taken in a
 * fixed order so two moves between the same projects cannot deadlock.
 */
export async function lockOrderScopes(tx: Tx, ...scopes: OrderScope[]): Promise<void> {
  const keys = [...new Set(scopes.map(scopeKey))].sort();
  for (const key of keys) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
  }
}

export async function nextOrderInScope(tx: Tx, scope: OrderScope): Promise<number> {
  const { _max } = await tx.task.aggregate({
    where: { userId: scope.userId, projectId: scope.projectId },
    _max: { order: true },
  });
  return (_max.order ?? 0) + 1;
}

/** Closes the gap a task leaves at `order` (after it was removed from the scope). */
export async function closeGap(tx: Tx, scope: OrderScope, order: number): Promise<void> {
  await tx.task.updateMany({
    where: { userId: scope.userId, projectId: scope.projectId, order: { gt: order } },
    data: { order: { decrement: 1 } },
  });
}

/** Makes room at `order` by shifting the tasks at and after it down by one. */
export async function openGap(tx: Tx, scope: OrderScope, order: number): Promise<void> {
  await tx.task.updateMany({
    where: { userId: scope.userId, projectId: scope.projectId, order: { gte: order } },
    data: { order: { increment: 1 } },
  });
}
