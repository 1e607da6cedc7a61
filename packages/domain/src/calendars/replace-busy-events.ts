import type { Prisma } from "@agendacraft/db/prisma";
import type { BusyOccurrence } from "./expand-busy-events.ts";

const key = (event: { uid: string; start: Date; end: Date; summary: string }) =>
  `${event.uid}\n${event.start.getTime()}\n${event.end.getTime()}\n${event.summary}`;

/**
 * Makes the feed's stored busy events exactly `occurrences`, inside the caller's
 * transaction. Resolves with how many events were added or removed (a changed event is
 * one of each); 0, writing nothing, when they are already the same, so an unchanged
 * calendar costs one read every sync and asks for no re-plan.
 */
export async function replaceBusyEvents(
  tx: Prisma.TransactionClient,
  { userId, feedId, occurrences }: { userId: string; feedId: string; occurrences: BusyOccurrence[] },
): Promise<number> {
  const stored = await tx.busyEvent.findMany({
    where: { userId, feedId },
    select: { uid: true, start: true, end: true, summary: true },
  });
  const wanted = new Set(occurrences.map(key));
  const had = new Set(stored.map(key));
  const changed = [...wanted].filter((k) => !had.has(k)).length + [...had].filter((k) => !wanted.has(k)).length;
  if (changed === 0) return 0;
  await tx.busyEvent.deleteMany({ where: { userId, feedId } });
  if (occurrences.length > 0) {
    await tx.busyEvent.createMany({ data: occurrences.map((occurrence) => ({ userId, feedId, ...occurrence })) });
  }
  return changed;
}
