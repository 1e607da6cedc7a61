import type { Db } from "../shared/db.ts";

/** Ends every browser session of the actor, this one included. API tokens are revoked separately. */
export async function signOutEverywhere({ db, actorId }: { db: Db; actorId: string }) {
  const { count } = await db.session.deleteMany({ where: { userId: actorId } });
  return { revokedSessions: count };
}
