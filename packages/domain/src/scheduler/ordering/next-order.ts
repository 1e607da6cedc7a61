import { Prisma } from "@agendacraft/db/prisma";
import type { OrderScope } from "./order-scope.ts";

/**
 * The last row of `scope` by walking its index, (userId, order) or (userId, projectId,
 * order), from the end: ordering by every column of the index is what lets PostgreSQL
 * stop after one entry. `max("order")` would do for a project but not for the inbox:
 * PostgreSQL 15 does not treat `"projectId" IS NULL` as fixing the column, so it reads
 * every inbox task (as Prisma's `aggregate({ _max })`, a MAX over a subquery, does for
 * every scope).
 */
export function lastOrderSql(scope: OrderScope): Prisma.Sql {
  switch (scope.table) {
    case "areas":
      return Prisma.sql`SELECT "order" FROM areas WHERE "userId" = ${scope.userId}::uuid
        ORDER BY "userId" DESC, "order" DESC LIMIT 1`;
    case "projects":
      return Prisma.sql`SELECT "order" FROM projects WHERE "userId" = ${scope.userId}::uuid
        ORDER BY "userId" DESC, "order" DESC LIMIT 1`;
    case "tasks": {
      const project =
        scope.projectId === null ? Prisma.sql`"projectId" IS NULL` : Prisma.sql`"projectId" = ${scope.projectId}::uuid`;
      return Prisma.sql`SELECT "order" FROM tasks WHERE "userId" = ${scope.userId}::uuid AND ${project}
        ORDER BY "userId" DESC, "projectId" DESC, "order" DESC LIMIT 1`;
    }
  }
}

/** The position after the last row of `scope`; call it holding the scope's lock (lockOrdering). */
export async function nextOrder(tx: Prisma.TransactionClient, scope: OrderScope): Promise<number> {
  const [last] = await tx.$queryRaw<{ order: number }[]>(lastOrderSql(scope));
  return (last?.order ?? 0) + 1;
}
