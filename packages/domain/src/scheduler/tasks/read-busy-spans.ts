import type { Db } from "../../shared/db.ts";
import { MAX_INSTANT, MIN_INSTANT } from "../../shared/instant.ts";

/**
 * The person's calendar busy time overlapping [from, to), merged where events overlap and
 * sorted by start (as the plan reads it): a few spans however many calendars there are.
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
              FROM busy_events
             WHERE "userId" = ${actorId}::uuid AND "start" < ${to} AND "end" > ${from}
               AND "start" BETWEEN ${MIN_INSTANT} AND ${MAX_INSTANT}
               AND "end" BETWEEN ${MIN_INSTANT} AND ${MAX_INSTANT}) AS merged
     ORDER BY 1`;
}
