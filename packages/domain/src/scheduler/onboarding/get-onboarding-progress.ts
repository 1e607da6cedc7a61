import type { Db } from "../../shared/db.ts";
import type { OnboardingProgressDto } from "./schemas.ts";

/** Which first-run steps the actor has done; each is one indexed existence check. */
export async function getOnboardingProgress({
  db,
  actorId,
}: {
  db: Db;
  actorId: string;
}): Promise<OnboardingProgressDto> {
  const [task, planner, run] = await Promise.all([
    db.task.findFirst({ where: { userId: actorId }, select: { id: true } }),
    db.planner.findFirst({ where: { userId: actorId }, select: { id: true } }),
    db.planRun.findFirst({ where: { userId: actorId }, select: { id: true } }),
  ]);
  return { hasTasks: task !== null, hasPlanner: planner !== null, hasPlanRun: run !== null };
}
