import type { Db } from "../../shared/db.ts";
import { DomainError } from "../../shared/errors.ts";

/** Deletes the token at once; the next request that presents it is unauthorized. */
export async function revokeApiToken({ db, actorId, input }: { db: Db; actorId: string; input: { id: string } }) {
  const { count } = await db.apiToken.deleteMany({ where: { id: input.id, userId: actorId } });
  if (count === 0) {
    throw new DomainError({ kind: "NOT_FOUND", code: "iam.token_not_found", message: "That token does not exist." });
  }
  return { revoked: true as const };
}
