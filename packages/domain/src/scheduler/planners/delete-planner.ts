import type { Db } from "../../shared/db.ts";
import { plannerNotFound } from "./planner-errors.ts";
import type { PlannerIdInput } from "./schemas.ts";

/** Deletes one of the actor's planners; tasks that used it stay, without a planner (the foreign key sets null). */
export async function deletePlanner({ db, actorId, input }: { db: Db; actorId: string; input: PlannerIdInput }) {
  const { count } = await db.planner.deleteMany({ where: { id: input.id, userId: actorId } });
  if (count === 0) throw plannerNotFound();
  return { deleted: true as const };
}
