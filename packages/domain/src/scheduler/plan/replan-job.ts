import { defineJob, defineJobType, type JobDefinition, type JobSender, type QueueOptions } from "@agendacraft/db/jobs";
import { z } from "zod";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import type { WarningLog } from "../../shared/log.ts";
import { applyPlan } from "./apply-plan.ts";
import { ZPlanInput } from "./schemas.ts";

/** Re-plans one user's open tasks after changes, when they turned automatic planning on. */
export const REPLAN_JOB = "scheduler.replan";
export const ReplanJob = defineJobType(REPLAN_JOB, z.object({ userId: z.uuid() }));

/** How long changes are gathered before one re-plan runs for all of them. */
export const REPLAN_DEBOUNCE_MS = 30_000;

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
    ReplanJob,
    { userId },
    { tx, singletonKey: userId, startAfter: new Date(clock.now().getTime() + REPLAN_DEBOUNCE_MS) },
  );
}

export function createReplanJob({
  db,
  events,
  clock,
  log,
}: {
  db: Db;
  events: EventRecorder;
  clock: Clock;
  /** Where skipped out-of-range rows are reported. */
  log?: WarningLog;
}): JobDefinition<typeof ReplanJob> {
  return defineJob({
    type: ReplanJob,
    queueOptions: REPLAN_QUEUE_OPTIONS,
    async handler(job) {
      const { userId } = job.data;
      const user = await db.user.findUnique({ where: { id: userId }, select: { autoPlan: true } });
      // Turned off (or the account is gone) since the change: nothing to do.
      if (!user?.autoPlan) return;
      await applyPlan({
        db,
        actorId: userId,
        input: ZPlanInput.parse(undefined),
        clock,
        events,
        trigger: "auto",
        ...(log ? { log } : {}),
      });
    },
  });
}
