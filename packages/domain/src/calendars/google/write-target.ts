import type { Prisma } from "@agendacraft/db/prisma";

/**
 * Makes `calendarId` the person's one write target: the others are cleared first (the
 * partial unique index allows one), under a per-person lock so two concurrent choices
 * queue instead of colliding. Runs in the caller's transaction.
 */
export async function makeWriteTarget(tx: Prisma.TransactionClient, userId: string, calendarId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`calendars.write_target:${userId}`}))`;
  await tx.connectedCalendar.updateMany({
    where: { userId, writeTarget: true, id: { not: calendarId } },
    data: { writeTarget: false },
  });
  await tx.connectedCalendar.update({ where: { id: calendarId }, data: { writeTarget: true } });
}
