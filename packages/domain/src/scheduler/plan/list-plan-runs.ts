import type { Db } from "../../shared/db.ts";
import { planRunSelect } from "./plan-run.select.ts";
import type { PlanRunDto } from "./schemas.ts";

/** The actor's most recent plan runs, newest first. */
export function listPlanRuns({
  db,
  actorId,
  limit,
}: {
  db: Db;
  actorId: string;
  limit: number;
}): Promise<PlanRunDto[]> {
  return db.planRun.findMany({
    where: { userId: actorId },
    orderBy: { id: "desc" },
    take: limit,
    select: planRunSelect,
  });
}
