import { type Db, withTransaction } from "../shared/db.ts";
import type { EventRecorder } from "../shared/events/event-recorder.ts";
import { feedNotFound } from "./calendars-errors.ts";
import { busyChanged } from "./events.ts";
import type { FeedIdInput } from "./schemas.ts";

/** Removes one of the actor's calendars and, by the foreign key's cascade, its busy events. */
export async function removeFeed({
  db,
  actorId,
  input,
  events,
}: {
  db: Db;
  actorId: string;
  input: FeedIdInput;
  events: EventRecorder;
}) {
  return withTransaction(db, async (tx) => {
    const { count } = await tx.calendarFeed.deleteMany({ where: { id: input.id, userId: actorId } });
    if (count === 0) throw feedNotFound();
    await events.record(tx, [busyChanged(actorId, input.id, "removed")]);
    return { deleted: true as const };
  });
}
