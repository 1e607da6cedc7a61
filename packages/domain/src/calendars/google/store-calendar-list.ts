import type { Prisma } from "@agendacraft/db/prisma";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { busyChanged } from "../events.ts";
import type { ListedCalendar } from "./fetch-calendar-list.ts";

/**
 * Makes a connection's calendars what Google listed: new ones are added (the primary one
 * counts as busy, the others do not), known ones keep the person's choices (busy, all-day,
 * write target) and take Google's name, color and accessRole (a write target that became
 * read-only stays chosen; the write-back skips it and the connection says why), and ones no longer listed are removed
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
  const knownRows = await tx.connectedCalendar.findMany({
    where: { connectionId, userId },
    select: { id: true, externalId: true, busy: true, name: true, color: true, primary: true, accessRole: true },
  });
  const listedIds = new Set(listed.map((calendar) => calendar.externalId));
  const gone = knownRows.filter((calendar) => !listedIds.has(calendar.externalId));
  if (gone.length > 0) {
    await tx.connectedCalendar.deleteMany({ where: { id: { in: gone.map((calendar) => calendar.id) } } });
  }
  const known = new Map(knownRows.map((calendar) => [calendar.externalId, calendar]));
  const added = listed.filter((calendar) => !known.has(calendar.externalId));
  if (added.length > 0) {
    await tx.connectedCalendar.createMany({
      data: added.map((calendar) => ({
        userId,
        connectionId,
        externalId: calendar.externalId,
        name: calendar.name,
        color: calendar.color,
        primary: calendar.primary,
        accessRole: calendar.accessRole,
        busy: calendar.primary,
      })),
    });
  }
  for (const calendar of listed) {
    const before = known.get(calendar.externalId);
    if (!before) continue;
    if (
      before.name === calendar.name &&
      before.color === calendar.color &&
      before.primary === calendar.primary &&
      before.accessRole === calendar.accessRole
    )
      continue;
    await tx.connectedCalendar.update({
      where: { id: before.id },
      data: { name: calendar.name, color: calendar.color, primary: calendar.primary, accessRole: calendar.accessRole },
    });
  }
  // Busy time vanished with a removed calendar: the plan may have room now.
  if (gone.some((calendar) => calendar.busy)) await events.record(tx, [busyChanged(userId, connectionId, "removed")]);
}
