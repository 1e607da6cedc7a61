import type { Prisma } from "@agendacraft/db/prisma";
import { DomainError } from "../../shared/errors.ts";

/**
 * Serialises every change to one owner's ordering (`areas:<userId>`) until the
 * transaction ends, so two creates never read the same "last position" and a delete's
 * renumbering never interleaves with a create. A transaction-scoped lock is released by
 * commit or rollback, so no code path can leak it.
 */
export async function lockOrdering(tx: Prisma.TransactionClient, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
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
  if (rest.length > 0 || !id || !/^[0-9a-f-]{36}$/i.test(id) || !Number.isSafeInteger(position)) {
    throw new DomainError({
      kind: "INVALID",
      code: "common.invalid_cursor",
      message: "This page link is no longer valid; start from the first page.",
      details: { field: "cursor" },
    });
  }
  return { order: position, id };
}

/** The rows after `cursor` in (order, id) order, as a Prisma `where` fragment. */
export function afterOrderCursor(cursor: string | undefined) {
  if (!cursor) return {};
  const { order, id } = decodeOrderCursor(cursor);
  return { OR: [{ order: { gt: order } }, { order, id: { gt: id } }] };
}
