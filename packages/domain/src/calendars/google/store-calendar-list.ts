import type { Prisma } from "@agendacraft/db/prisma";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { busyChanged } from "../events.ts";
import type { ListedCalendar } from "./fetch-calendar-list.ts";

/**
 * Makes a connection's calendars what Google listed: new ones are added (the primary one
 * counts as busy, the others do not), known ones keep the person's choices (busy, all-day,
 * write target) and take Google's name and color, and ones no longer listed are removed
 * with their events. Runs in the caller's transaction.
 */
export async function storeCalendarList(
  tx: Prisma.TransactionClient,
  {
    userId,
    connectionId,
    listed,
    events,
  }: { userId: string; connectionId: string; listed: readonly ListedCalendar[]; events: EventRecorder },
): Promise<void> {
  const known = await tx.connectedCalendar.findMany({
    where: { connectionId, userId },
    select: { id: true, externalId: true, busy: true },
  });
  const listedIds = new Set(listed.map((calendar) => calendar.externalId));
  const gone = known.filter((calendar) => !listedIds.has(calendar.externalId));
  if (gone.length > 0) {
    await tx.connectedCalendar.deleteMany({ where: { id: { in: gone.map((calendar) => calendar.id) } } });
  }
  const knownIds = new Set(known.map((calendar) => calendar.externalId));
  for (const calendar of listed) {
    const facts = { name: calendar.name, color: calendar.color, primary: calendar.primary };
    if (knownIds.has(calendar.externalId)) {
      await tx.connectedCalendar.update({
        where: { connectionId_externalId: { connectionId, externalId: calendar.externalId } },
        data: facts,
      });
    } else {
      await tx.connectedCalendar.create({
        data: { userId, connectionId, externalId: calendar.externalId, ...facts, busy: calendar.primary },
      });
    }
  }
  // Busy time vanished with a removed calendar: the plan may have room now.
  if (gone.some((calendar) => calendar.busy)) await events.record(tx, [busyChanged(userId, connectionId, "removed")]);
}
