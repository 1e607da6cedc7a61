import type { JobSender } from "@agendacraft/db/jobs";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import { requestReplan } from "../plan/replan-job.ts";
import { plannerNotFound } from "./planner-errors.ts";
import type { PlannerIdInput } from "./schemas.ts";

/** Deletes one of the actor's planners; tasks that used it stay, without a planner (the foreign key sets null). */
export async function deletePlanner({
  db,
  actorId,
  input,
  jobs,
  clock,
}: {
  db: Db;
  actorId: string;
  input: PlannerIdInput;
  jobs?: JobSender;
  clock?: Clock;
}) {
  return withTransaction(db, async (tx) => {
    const { count } = await tx.planner.deleteMany({ where: { id: input.id, userId: actorId } });
    if (count === 0) throw plannerNotFound();
    if (jobs && clock) await requestReplan({ tx, jobs, userId: actorId, clock });
    return { deleted: true as const };
  });
}
