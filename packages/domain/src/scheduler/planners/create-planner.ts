import type { JobSender } from "@agendacraft/db/jobs";
import { ACCOUNT_LIMITS } from "../../shared/account-limits.ts";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { requestReplan } from "../plan/replan-job.ts";
import { getUserTimeZone } from "./get-user-time-zone.ts";
import { plannerSelect } from "./planner.select.ts";
import { toDateColumn, toPlannerDto } from "./planner-dto.ts";
import { tooManyPlanners } from "./planner-errors.ts";
import type { CreatePlannerInput, PlannerDto } from "./schemas.ts";

/** Adds a planner; without a time zone it takes the user's. At most ACCOUNT_LIMITS.planners per person. */
export async function createPlanner({
  db,
  actorId,
  input,
  jobs,
  clock,
}: {
  db: Db;
  actorId: string;
  input: CreatePlannerInput;
  /** With both, an automatic re-plan is requested (when the user turned it on). */
  jobs?: JobSender;
  clock?: Clock;
}): Promise<PlannerDto> {
  if ((await db.planner.count({ where: { userId: actorId } })) >= ACCOUNT_LIMITS.planners) throw tooManyPlanners();
  const timeZone = input.timeZone ?? (await getUserTimeZone({ db, actorId }));
  const row = await withTransaction(db, async (tx) => {
    const created = await tx.planner.create({
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
    if (jobs && clock) await requestReplan({ tx, jobs, userId: actorId, clock });
    return created;
  });
  return toPlannerDto(row);
}
