import type { Db } from "../../shared/db.ts";
import type { ApiTokenDto } from "../schemas.ts";
import { apiTokenSelect } from "./api-token.select.ts";

/** The actor's tokens, newest first (ids are UUIDv7, so id order is creation order). */
export async function listApiTokens({
  db,
  actorId,
  input,
}: {
  db: Db;
  actorId: string;
  input: { cursor?: string; limit: number };
}): Promise<{ items: ApiTokenDto[]; nextCursor: string | null }> {
  const rows = await db.apiToken.findMany({
    where: { userId: actorId, ...(input.cursor ? { id: { lt: input.cursor } } : {}) },
    orderBy: { id: "desc" },
    take: input.limit + 1,
    select: apiTokenSelect,
  });
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}
