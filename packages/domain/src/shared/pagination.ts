import { z } from "zod";
import { DomainError } from "./errors.ts";
import { ZText } from "./text.ts";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** `limit` (1-200, default 50) and an opaque `cursor` from the previous page's `nextCursor`. */
export const ZPageInput = z.object({
  cursor: ZText.min(1).max(500).optional(),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});
export type PageInput = z.infer<typeof ZPageInput>;

/** The `{ items, nextCursor }` shape every list procedure returns. */
export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only says that another
 * page exists, and the last row kept becomes the cursor.
 */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? cursorOf(last) : null };
}

/** A cursor that was not made by us, or no longer decodes: start over from page one. */
export function invalidCursorError(): DomainError {
  return new DomainError({
    kind: "INVALID",
    code: "common.invalid_cursor",
    message: "This page link is no longer valid; start from the first page.",
    details: { field: "cursor" },
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INT4_MAX = 2_147_483_647;

/**
 * The parts of a cursor that reach SQL must have the column's type: a cursor a client
 * made up is then a bad request, not a database error (a 500).
 */
export function isCursorId(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** For lists paged by id: the cursor, once it is known to be one. */
export function idCursor(cursor: string | undefined): string | undefined {
  if (cursor !== undefined && !isCursorId(cursor)) throw invalidCursorError();
  return cursor;
}

export function isCursorPosition(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && Math.abs(value) <= INT4_MAX;
}
