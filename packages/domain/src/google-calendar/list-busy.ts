import type { Db } from "../shared/db.ts";
import { busyEventSelect } from "./calendar-feed.select.ts";
import type { BusyListDto, ListBusyInput } from "./schemas.ts";

/** The actor's busy events overlapping [from, to), from every calendar, by start time. */
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
    select: busyEventSelect,
  });
  return { events };
}
