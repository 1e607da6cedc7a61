import { type Db, withTransaction } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import { PlannerChanged } from "../events.ts";
import { plannerNotFound } from "./planner-errors.ts";
import type { PlannerIdInput } from "./schemas.ts";

/** Deletes one of the actor's planners; tasks that used it stay, without a planner (the foreign key sets null). */
export async function deletePlanner({
  db,
  actorId,
  input,
  events,
}: {
  db: Db;
  actorId: string;
  input: PlannerIdInput;
  events: EventRecorder;
}) {
  return withTransaction(db, async (tx) => {
    const [deleted] = await tx.$queryRaw<{ version: number }[]>`
      DELETE FROM planners WHERE id = ${input.id}::uuid AND "userId" = ${actorId}::uuid RETURNING version`;
    if (!deleted) throw plannerNotFound();
    await events.record(tx, [
      newEvent(PlannerChanged, {
        userId: actorId,
        aggregateId: input.id,
        version: deleted.version,
        payload: { change: "deleted" },
      }),
    ]);
    return { deleted: true as const };
  });
}
