import { invalidCursorError, isCursorId, isCursorPosition } from "../../shared/pagination.ts";

export type OrderPosition = { order: number; id: string };

/**
 * Lists ordered by (order, id) page on both values: an id alone would need another
 * query to find its position, and would strand the reader if that row was deleted.
 */
export function encodeOrderCursor({ order, id }: OrderPosition): string {
  return Buffer.from(`${order}:${id}`).toString("base64url");
}

/** Anything but what encodeOrderCursor wrote is `common.invalid_cursor`, before it can reach SQL. */
export function decodeOrderCursor(cursor: string): OrderPosition {
  const [order, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split(":");
  const position = order === undefined || order.trim() === "" ? Number.NaN : Number(order);
  if (rest.length > 0 || !isCursorId(id) || !isCursorPosition(position)) throw invalidCursorError();
  return { order: position, id };
}

/** The rows after `cursor` in (order, id) order, as a Prisma `where` fragment ({} for the first page). */
export function afterOrderCursor(cursor: string | undefined) {
  if (!cursor) return {};
  const { order, id } = decodeOrderCursor(cursor);
  return { OR: [{ order: { gt: order } }, { order, id: { gt: id } }] };
}
