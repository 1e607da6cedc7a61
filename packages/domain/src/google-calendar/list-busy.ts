import type { Db } from "../shared/db.ts";
import { busyEventSelect } from "./calendar-feed.select.ts";
import { type BusyListDto, type ListBusyInput, MAX_BUSY_EVENTS_PER_CALL } from "./schemas.ts";

/** The actor's busy events overlapping [from, to), from every calendar, by start time; at most MAX_BUSY_EVENTS_PER_CALL. */
export async function listBusy({
  db,
  actorId,
  input,
}: {
  db: Db;
  actorId: string;
  input: ListBusyInput;
}): Promise<BusyListDto> {
  const events = await db.busyEvent.findMany({
    where: { userId: actorId, start: { lt: input.to }, end: { gt: input.from } },
    orderBy: [{ start: "asc" }, { id: "asc" }],
    take: MAX_BUSY_EVENTS_PER_CALL + 1,
    select: busyEventSelect,
  });
  if (events.length <= MAX_BUSY_EVENTS_PER_CALL) return { events };
  return { events: events.slice(0, MAX_BUSY_EVENTS_PER_CALL), truncated: true };
}
