import { TodoistFailure } from "./todoist-errors.ts";

/** API v1 list endpoints: `limit` 1 to 200 (default 50), and an opaque `cursor` from `next_cursor`. */
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export function readLimit(value: unknown): number {
  if (value === undefined || value === "") return DEFAULT_LIMIT;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new TodoistFailure("invalidArgument", { argument: "limit" });
  }
  return limit;
}

/**
 * One page of a list ordered by a stable number (creation order). The cursor names the last
 * number served, so objects added or removed between pages neither repeat nor shift the rest.
 */
export function page<T>(
  ordered: { order: number; item: T }[],
  query: { cursor?: unknown; limit?: unknown },
): { items: T[]; next_cursor: string | null } {
  const limit = readLimit(query.limit);
  let after = 0;
  if (query.cursor !== undefined && query.cursor !== "" && query.cursor !== null) {
    const decoded = Number(
      Buffer.from(String(query.cursor), "base64url")
        .toString()
        .replace(/^after:/, ""),
    );
    if (!Number.isInteger(decoded) || decoded < 0) throw new TodoistFailure("invalidArgument", { argument: "cursor" });
    after = decoded;
  }
  const rest = ordered.filter((entry) => entry.order > after).sort((a, b) => a.order - b.order);
  const served = rest.slice(0, limit);
  const last = served.at(-1);
  return {
    items: served.map((entry) => entry.item),
    next_cursor: rest.length > limit && last ? Buffer.from(`after:${last.order}`).toString("base64url") : null,
  };
}
