import type { Db } from "../shared/db.ts";

/** The actor's own zone, the default wherever a time zone may be left out. */
export async function getUserTimeZone({ db, actorId }: { db: Db; actorId: string }): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actorId }, select: { timeZone: true } });
  return user.timeZone;
}
