import { Prisma } from "@agendacraft/db/prisma";
import type { OrderScope } from "./order-scope.ts";

/** The last position in `scope`; each variant matches an index on (userId[, projectId], order). */
function lastOrderSql(scope: OrderScope): Prisma.Sql {
  switch (scope.table) {
    case "areas":
      return Prisma.sql`SELECT max("order") AS last FROM areas WHERE "userId" = ${scope.userId}::uuid`;
    case "projects":
      return Prisma.sql`SELECT max("order") AS last FROM projects WHERE "userId" = ${scope.userId}::uuid`;
    case "tasks":
      return scope.projectId === null
        ? Prisma.sql`SELECT max("order") AS last FROM tasks WHERE "userId" = ${scope.userId}::uuid AND "projectId" IS NULL`
        : Prisma.sql`SELECT max("order") AS last FROM tasks WHERE "userId" = ${scope.userId}::uuid AND "projectId" = ${scope.projectId}::uuid`;
  }
}

/**
 * The position after the last row of `scope`; call it holding the scope's lock.
 * A plain max() is one step down the (userId, projectId, order) index. Prisma's
 * `aggregate({ _max })` wraps the rows in a subquery with OFFSET and reads every row of
 * the project while the lock is held, which grows with the project.
 */
export async function nextOrder(tx: Prisma.TransactionClient, scope: OrderScope): Promise<number> {
  const [row] = await tx.$queryRaw<{ last: number | null }[]>(lastOrderSql(scope));
  return (row?.last ?? 0) + 1;
}
