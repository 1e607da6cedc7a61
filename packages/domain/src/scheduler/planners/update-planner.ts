import type { JobSender } from "@agendacraft/db/jobs";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { domainErrorFromPrisma } from "../../shared/errors.ts";
import { requestReplan } from "../plan/replan-job.ts";
import { plannerSelect } from "./planner.select.ts";
import { toDateColumn, toPlannerDto } from "./planner-dto.ts";
import { plannerNotFound } from "./planner-errors.ts";
import type { PlannerDto, UpdatePlannerInput } from "./schemas.ts";

/** Changes any of a planner's fields; what is not given stays. */
export async function updatePlanner({
  db,
  actorId,
  input,
  jobs,
  clock,
}: {
  db: Db;
  actorId: string;
  input: UpdatePlannerInput;
  jobs?: JobSender;
  clock?: Clock;
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
    if (jobs && clock) await requestReplan({ tx, jobs, userId: actorId, clock });
    return updated;
  });
  return toPlannerDto(row);
}
