import { defineJob, type JobDefinition, type JobSender, type QueueOptions } from "@agendacraft/db/jobs";
import { z } from "zod";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { WarningLog } from "../../shared/log.ts";
import { applyPlan } from "./apply-plan.ts";
import { ZPlanInput } from "./schemas.ts";

/** Re-plans one user's open tasks after changes, when they turned automatic planning on. */
export const REPLAN_JOB = "scheduler.replan";

/** How long changes are gathered before one re-plan runs for all of them. */
export const REPLAN_DEBOUNCE_MS = 30_000;

const ZReplanJobData = z.object({ userId: z.uuid() });

export const REPLAN_QUEUE_OPTIONS: QueueOptions = {
  retryLimit: 3,
  retryDelay: 10,
  retryBackoff: true,
  expireInSeconds: 120,
  // "short": at most one queued job per singletonKey (the user), so a burst of edits
  // yields one re-plan: the debounce.
  policy: "short",
};

/**
 * Asks for a re-plan of the user's tasks in REPLAN_DEBOUNCE_MS, inside the caller's
 * transaction (a rolled-back change asks for nothing). Does nothing unless the user
 * turned automatic planning on; while a re-plan is already queued, nothing more is queued.
 */
export async function requestReplan({
  tx,
  jobs,
  userId,
  clock,
}: {
  tx: Db;
  jobs: JobSender;
  userId: string;
  clock: Clock;
}) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { autoPlan: true } });
  if (!user?.autoPlan) return;
  await jobs.send(
    REPLAN_JOB,
    { userId },
    { tx, singletonKey: userId, startAfter: new Date(clock.now().getTime() + REPLAN_DEBOUNCE_MS) },
  );
}

export function createReplanJob({
  db,
  jobs,
  clock,
  log,
}: {
  db: Db;
  jobs: JobSender;
  clock: Clock;
  /** Where skipped out-of-range rows are reported. */
  log?: WarningLog;
}): JobDefinition<{ userId: string }> {
  return defineJob<{ userId: string }>({
    name: REPLAN_JOB,
    queueOptions: REPLAN_QUEUE_OPTIONS,
    async handler(job) {
      const { userId } = ZReplanJobData.parse(job.data);
      const user = await db.user.findUnique({ where: { id: userId }, select: { autoPlan: true } });
      // Turned off (or the account is gone) since the change: nothing to do.
      if (!user?.autoPlan) return;
      await applyPlan({
        db,
        actorId: userId,
        input: ZPlanInput.parse(undefined),
        clock,
        jobs,
        trigger: "auto",
        ...(log ? { log } : {}),
      });
    },
  });
}
