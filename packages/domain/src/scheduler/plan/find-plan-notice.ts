import type { Db } from "../../shared/db.ts";
import { TASK_DATES_IN_RANGE } from "../tasks/task-dates-in-range.ts";
import { type PlanNoticeDto, planNotice } from "./plan-notice.ts";

/**
 * The one cause that keeps a plan from placing anything, checked in the order a newcomer
 * meets them: no task at all, every task already timed, then no (active) planner to plan
 * into. Null when tasks wait and a planner is on: then each task's own reason is the news.
 */
export async function findPlanNotice({ db, actorId }: { db: Db; actorId: string }): Promise<PlanNoticeDto | null> {
  const open = { userId: actorId, completedAt: null };
  const [openTasks, untimedTasks, planners, activePlanners] = await Promise.all([
    db.task.count({ where: { AND: [open, TASK_DATES_IN_RANGE] } }),
    db.task.count({ where: { AND: [{ ...open, startTime: null }, TASK_DATES_IN_RANGE] } }),
    db.planner.count({ where: { userId: actorId } }),
    db.planner.count({ where: { userId: actorId, active: true } }),
  ]);
  if (openTasks === 0) return planNotice("scheduler.plan.no_tasks");
  if (untimedTasks === 0) return planNotice("scheduler.plan.all_scheduled");
  if (planners === 0) return planNotice("scheduler.plan.no_planner");
  if (activePlanners === 0) return planNotice("scheduler.plan.planners_paused");
  return null;
}
