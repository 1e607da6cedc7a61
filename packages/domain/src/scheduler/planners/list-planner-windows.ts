import type { Db } from "../../shared/db.ts";
import { expandPlannerWindowsInTurns, type PlannerSpec } from "../recurrence/index.ts";
import { plannerSelect } from "./planner.select.ts";
import { toPlannerDto } from "./planner-dto.ts";
import { plannerNotFound } from "./planner-errors.ts";
import type { PlannerWindowDto, PlannerWindowsInput } from "./schemas.ts";

/**
 * The windows, in UTC, that overlap [from, to): of every active planner of the actor,
 * or of the one asked for, even when paused (a person editing it wants to see them).
 * Each planner is computed in its own zone, so 09:00 stays 09:00 across DST changes.
 */
export async function listPlannerWindows({
  db,
  actorId,
  input,
}: {
  db: Db;
  actorId: string;
  input: PlannerWindowsInput;
}): Promise<PlannerWindowDto[]> {
  const rows = await db.planner.findMany({
    where: { userId: actorId, ...(input.plannerId ? { id: input.plannerId } : { active: true }) },
    select: plannerSelect,
  });
  if (input.plannerId && rows.length === 0) throw plannerNotFound();
  const planners: PlannerSpec[] = rows.map((row) => ({ ...toPlannerDto(row), active: true }));
  return expandPlannerWindowsInTurns({ planners, from: input.from, to: input.to });
}
