import { getUserTimeZone } from "../../iam/index.ts";
import { ACCOUNT_LIMITS } from "../../shared/account-limits.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import { PlannerChanged } from "../events.ts";
import { plannerSelect } from "./planner.select.ts";
import { toDateColumn, toPlannerDto } from "./planner-dto.ts";
import { tooManyPlanners } from "./planner-errors.ts";
import type { CreatePlannerInput, PlannerDto } from "./schemas.ts";

/** Adds a planner; without a time zone it takes the user's. At most ACCOUNT_LIMITS.planners per person. */
export async function createPlanner({
  db,
  actorId,
  input,
  events,
}: {
  db: Db;
  actorId: string;
  input: CreatePlannerInput;
  /** Records PlannerChanged; the re-plan follows from it. */
  events: EventRecorder;
}): Promise<PlannerDto> {
  const row = await withTransaction(db, async (tx) => {
    // The person's row is locked so two creates cannot both pass the count.
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${actorId}::uuid FOR UPDATE`;
    if ((await tx.planner.count({ where: { userId: actorId } })) >= ACCOUNT_LIMITS.planners) throw tooManyPlanners();
    const timeZone = input.timeZone ?? (await getUserTimeZone({ db: tx, actorId }));
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
    await events.record(tx, [
      newEvent(PlannerChanged, {
        userId: actorId,
        aggregateId: created.id,
        version: created.version,
        payload: { change: "created" },
      }),
    ]);
    return created;
  });
  return toPlannerDto(row);
}
