import type { Db } from "../../shared/db.ts";
import { domainErrorFromPrisma } from "../../shared/errors.ts";
import { plannerSelect } from "./planner.select.ts";
import { toDateColumn, toPlannerDto } from "./planner-dto.ts";
import { plannerNotFound } from "./planner-errors.ts";
import type { PlannerDto, UpdatePlannerInput } from "./schemas.ts";

/** Changes any of a planner's fields; what is not given stays. */
export async function updatePlanner({
  db,
  actorId,
  input,
}: {
  db: Db;
  actorId: string;
  input: UpdatePlannerInput;
}): Promise<PlannerDto> {
  const row = await db.planner
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
  return toPlannerDto(row);
}
