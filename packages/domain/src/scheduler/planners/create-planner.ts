import type { Db } from "../../shared/db.ts";
import { getUserTimeZone } from "./get-user-time-zone.ts";
import { plannerSelect } from "./planner.select.ts";
import { toDateColumn, toPlannerDto } from "./planner-dto.ts";
import type { CreatePlannerInput, PlannerDto } from "./schemas.ts";

/** Adds a planner; without a time zone it takes the user's. */
export async function createPlanner({
  db,
  actorId,
  input,
}: {
  db: Db;
  actorId: string;
  input: CreatePlannerInput;
}): Promise<PlannerDto> {
  const timeZone = input.timeZone ?? (await getUserTimeZone({ db, actorId }));
  const row = await db.planner.create({
    data: {
      userId: actorId,
      name: input.name,
      recurrence: input.recurrence,
      startDate: toDateColumn(input.startDate),
      startTime: input.startTime,
      minutes: input.minutes,
      timeZone,
      active: input.active,
    },
    select: plannerSelect,
  });
  return toPlannerDto(row);
}
