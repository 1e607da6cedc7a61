import type { Db } from "../shared/db.ts";
import { MAX_INSTANT, MIN_INSTANT } from "../shared/instant.ts";
import type { WarningLog } from "../shared/log.ts";
import { warnAboutSkippedBusyEvents } from "./busy-events-in-range.ts";
import { type BusyListDto, type ListBusyInput, MAX_BUSY_EVENTS_PER_CALL } from "./schemas.ts";

/**
 * The actor's busy intervals overlapping [from, to), from every calendar source (the
 * `busy_time` view: iCal feeds and Google calendars that count as busy), by start time;
 * at most MAX_BUSY_EVENTS_PER_CALL. Events stored with dates outside the supported range
 * are skipped (with `log`, named in a warning).
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
    db.$queryRaw<BusyListDto>`
      SELECT "id", "start", "end", "summary", "connectionId", "calendarId"
        FROM busy_time
       WHERE "userId" = ${actorId}::uuid AND "start" < ${input.to} AND "end" > ${input.from}
         AND "start" BETWEEN ${MIN_INSTANT} AND ${MAX_INSTANT}
         AND "end" BETWEEN ${MIN_INSTANT} AND ${MAX_INSTANT}
       ORDER BY "start", "id"
       LIMIT ${MAX_BUSY_EVENTS_PER_CALL}`,
    log ? warnAboutSkippedBusyEvents({ db, actorId, log, reading: "calendars.busy" }) : undefined,
  ]);
  return events;
}
