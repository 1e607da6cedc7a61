import type { Prisma } from "@agendacraft/db/prisma";
import { areaNotFound } from "../areas/area-errors.ts";

/**
 * Checks the area is the actor's and holds it (FOR KEY SHARE) until the transaction
 * ends, so a concurrent delete of that area cannot slip in between this check and the
 * write that points a project at it.
 */
export async function assertAreaUsable({
  tx,
  actorId,
  areaId,
}: {
  tx: Prisma.TransactionClient;
  actorId: string;
  areaId: string;
}): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM areas WHERE id = ${areaId}::uuid AND "userId" = ${actorId}::uuid FOR KEY SHARE`;
  if (rows.length === 0) throw areaNotFound();
}
