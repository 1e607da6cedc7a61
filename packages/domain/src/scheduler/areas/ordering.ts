import type { Prisma } from "@agendacraft/db/prisma";
import { invalidCursorError, isCursorId, isCursorPosition } from "../../shared/pagination.ts";

/** Whose rows an ordering lock covers. */
export type OrderingScope = "areas" | "projects";

/**
 * Serialises changes to one user's areas or projects until the transaction ends, so
 * two creates never read the same "last position" and a delete's renumbering never
 * interleaves with a create. Transaction-scoped: commit or rollback releases it.
 *
 * Deadlock-free only if every transaction takes them in one order: "areas" before
 * "projects", and both before any row lock. Deleting an area takes both, because its
 * foreign keys rewrite the projects (and tasks) that pointed at it.
 */
export async function lockOrdering(
  tx: Prisma.TransactionClient,
  actorId: string,
  ...scopes: [OrderingScope, ...OrderingScope[]]
): Promise<void> {
  for (const scope of (["areas", "projects"] as const).filter((s) => scopes.includes(s))) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${scope}:${actorId}`}))`;
  }
}

type OrderPosition = { order: number; id: string };

/**
 * Lists ordered by (order, id) page on both values: an id alone would need another
 * query to find its position, and would strand the reader if that row was deleted.
 */
export function encodeOrderCursor({ order, id }: OrderPosition): string {
  return Buffer.from(`${order}:${id}`).toString("base64url");
}

export function decodeOrderCursor(cursor: string): OrderPosition {
  const [order, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split(":");
  const position = Number(order);
  if (rest.length > 0 || !isCursorId(id) || !isCursorPosition(position)) throw invalidCursorError();
  return { order: position, id };
}

/** The rows after `cursor` in (order, id) order, as a Prisma `where` fragment. */
export function afterOrderCursor(cursor: string | undefined) {
  if (!cursor) return {};
  const { order, id } = decodeOrderCursor(cursor);
  return { OR: [{ order: { gt: order } }, { order, id: { gt: id } }] };
}
