import type { Clock } from "../shared/clock.ts";
import type { Db } from "../shared/db.ts";
import { IDEMPOTENCY_KEY_TTL_MS } from "./schemas.ts";

/** Forgets keys older than 24 hours (a key that old answers as new anyway, see runIdempotent). */
export async function deleteExpiredIdempotencyKeys({
  db,
  clock,
}: {
  db: Db;
  clock: Clock;
}): Promise<{ deleted: number }> {
  const { count } = await db.idempotencyKey.deleteMany({
    where: { createdAt: { lte: new Date(clock.now().getTime() - IDEMPOTENCY_KEY_TTL_MS) } },
  });
  return { deleted: count };
}
