import type { Prisma } from "@agendacraft/db/prisma";
import type { Db } from "../shared/db.ts";
import { INSTANT_IN_RANGE } from "../shared/instant.ts";
import type { WarningLog } from "../shared/log.ts";

/**
 * Busy events inside the supported date range. Syncs clip what they store to it; reads
 * AND this into their `where` so an event stored before that cannot fail a list or a plan.
 */
export const BUSY_EVENT_IN_RANGE = {
  start: INSTANT_IN_RANGE,
  end: INSTANT_IN_RANGE,
} satisfies Prisma.BusyEventWhereInput;

const REPORTED_IDS = 20;

/** Logs a warning naming the actor's busy events a read skipped for dates outside the range; nothing when there are none. */
export async function warnAboutSkippedBusyEvents({
  db,
  actorId,
  log,
  reading,
}: {
  db: Db;
  actorId: string;
  log: WarningLog;
  reading: string;
}): Promise<void> {
  const skipped = await db.busyEvent.findMany({
    where: { userId: actorId, NOT: BUSY_EVENT_IN_RANGE },
    select: { id: true },
    take: REPORTED_IDS,
  });
  if (skipped.length === 0) return;
  log.warn(
    { userId: actorId, reading, busyEventIds: skipped.map((event) => event.id) },
    "skipped busy events with dates outside the supported range (1970-01-01 to 2999-12-31); the next sync replaces them",
  );
}
