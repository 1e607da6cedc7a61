import type { Db } from "../shared/db.ts";
import type { WarningLog } from "../shared/log.ts";
import { BUSY_EVENT_IN_RANGE, warnAboutSkippedBusyEvents } from "./busy-events-in-range.ts";
import { busyEventSelect } from "./calendar-feed.select.ts";
import { type BusyListDto, type ListBusyInput, MAX_BUSY_EVENTS_PER_CALL } from "./schemas.ts";

/**
 * The actor's busy events overlapping [from, to), from every calendar, by start time; at
 * most MAX_BUSY_EVENTS_PER_CALL (`truncated: true` when there were more). Events stored
 * with dates outside the supported range are skipped (with `log`, named in a warning).
 */
export async function listBusy({
  db,
  actorId,
  input,
  log,
}: {
  db: Db;
  actorId: string;
  input: ListBusyInput;
  log?: WarningLog;
}): Promise<BusyListDto> {
  const [events] = await Promise.all([
    db.busyEvent.findMany({
      where: { AND: [{ userId: actorId, start: { lt: input.to }, end: { gt: input.from } }, BUSY_EVENT_IN_RANGE] },
      orderBy: [{ start: "asc" }, { id: "asc" }],
      take: MAX_BUSY_EVENTS_PER_CALL + 1,
      select: busyEventSelect,
    }),
    log ? warnAboutSkippedBusyEvents({ db, actorId, log, reading: "calendars.busy" }) : undefined,
  ]);
  if (events.length <= MAX_BUSY_EVENTS_PER_CALL) return { events };
  return { events: events.slice(0, MAX_BUSY_EVENTS_PER_CALL), truncated: true };
}
