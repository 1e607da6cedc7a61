import type { Db } from "../../shared/db.ts";
import { plannerSelect } from "./planner.select.ts";
import { toPlannerDto } from "./planner-dto.ts";
import { plannerNotFound } from "./planner-errors.ts";
import type { PlannerDto, PlannerIdInput } from "./schemas.ts";

export async function getPlanner({
  db,
  actorId,
  input,
}: {
  db: Db;
  actorId: string;
  input: PlannerIdInput;
}): Promise<PlannerDto> {
  const row = await db.planner.findFirst({ where: { id: input.id, userId: actorId }, select: plannerSelect });
  if (!row) throw plannerNotFound();
  return toPlannerDto(row);
}
