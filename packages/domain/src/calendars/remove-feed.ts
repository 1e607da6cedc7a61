import type { JobSender } from "@agendacraft/db/jobs";
import { requestReplan } from "../scheduler/plan/replan-job.ts";
import type { Clock } from "../shared/clock.ts";
import { type Db, withTransaction } from "../shared/db.ts";
import { feedNotFound } from "./calendars-errors.ts";
import type { FeedIdInput } from "./schemas.ts";

/** Removes one of the actor's calendars and, by the foreign key's cascade, its busy events. */
export async function removeFeed({
  db,
  actorId,
  input,
  jobs,
  clock,
}: {
  db: Db;
  actorId: string;
  input: FeedIdInput;
  jobs?: JobSender;
  clock?: Clock;
}) {
  return withTransaction(db, async (tx) => {
    const { count } = await tx.calendarFeed.deleteMany({ where: { id: input.id, userId: actorId } });
    if (count === 0) throw feedNotFound();
    if (jobs && clock) await requestReplan({ tx, jobs, userId: actorId, clock });
    return { deleted: true as const };
  });
}
