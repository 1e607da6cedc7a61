import type { Db } from "../../shared/db.ts";
import { MAX_INSTANT, MIN_INSTANT } from "../../shared/instant.ts";

/**
 * The person's busy time overlapping [from, to) from every calendar source (iCal feeds and
 * Google), merged where events overlap and sorted by start: a few spans however many
 * calendars there are. It reads the `busy_time` view, the calendars domain's one public
 * shape of busy time (its migration says which events count). Only events inside the
 * supported date range count. The plan and the task lists read busy time only through this.
 */
export function readBusySpans({
  db,
  actorId,
  from,
  to,
}: {
  db: Db;
  actorId: string;
  from: Date;
  to: Date;
}): Promise<{ start: Date; end: Date }[]> {
  return db.$queryRaw<{ start: Date; end: Date }[]>`
    SELECT lower(span) AS "start", upper(span) AS "end"
      FROM (SELECT unnest(range_agg(tstzrange("start", "end"))) AS span
              FROM busy_time
             WHERE "userId" = ${actorId}::uuid AND "start" < ${to} AND "end" > ${from}
               AND "start" BETWEEN ${MIN_INSTANT} AND ${MAX_INSTANT}
               AND "end" BETWEEN ${MIN_INSTANT} AND ${MAX_INSTANT}) AS merged
     ORDER BY 1`;
}
