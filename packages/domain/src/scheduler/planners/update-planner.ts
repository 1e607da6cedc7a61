import { type Db, withTransaction } from "../../shared/db.ts";
import { domainErrorFromPrisma } from "../../shared/errors.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import { PlannerChanged } from "../events.ts";
import { plannerSelect } from "./planner.select.ts";
import { toDateColumn, toPlannerDto } from "./planner-dto.ts";
import { plannerNotFound } from "./planner-errors.ts";
import type { PlannerDto, UpdatePlannerInput } from "./schemas.ts";

/** Changes any of a planner's fields; what is not given stays. */
export async function updatePlanner({
  db,
  actorId,
  input,
  events,
}: {
  db: Db;
  actorId: string;
  input: UpdatePlannerInput;
  events: EventRecorder;
}): Promise<PlannerDto> {
  const row = await withTransaction(db, async (tx) => {
    const updated = await tx.planner
      .update({
        where: { id: input.id, userId: actorId },
        data: {
          name: input.name,
          recurrence: input.recurrence,
          startDate: input.startDate === undefined ? undefined : toDateColumn(input.startDate),
          startTime: input.startTime,
          minutes: input.minutes,
          timeZone: input.timeZone,
          active: input.active,
        },
        select: plannerSelect,
      })
      .catch((error: unknown) => {
        throw domainErrorFromPrisma(error)?.kind === "NOT_FOUND" ? plannerNotFound() : error;
      });
    await events.record(tx, [
      newEvent(PlannerChanged, {
        userId: actorId,
        aggregateId: updated.id,
        version: updated.version,
        payload: { change: "updated" },
      }),
    ]);
    return updated;
  });
  return toPlannerDto(row);
}
