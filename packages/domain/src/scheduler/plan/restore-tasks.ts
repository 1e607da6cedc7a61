import type { Prisma } from "@agendacraft/db/prisma";

export type RunChange = {
  taskId: string | null;
  oldStart: Date | null;
  oldEnd: Date | null;
  appliedAt: Date;
  /** The task's summary now; null when the task is gone. */
  summary: string | null;
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** What a run changed, with each task's current summary, in one statement. */
export function loadRunChanges(tx: Prisma.TransactionClient, runId: string): Promise<RunChange[]> {
  return tx.$queryRaw<RunChange[]>`
    SELECT c."taskId", c."oldStart", c."oldEnd", c."appliedAt", t.summary
    FROM plan_run_changes c LEFT JOIN tasks t ON t.id = c."taskId"
    WHERE c."runId" = ${runId}::uuid
    ORDER BY c.id`;
}

export type RestoredTask = {
  /** The reminder job the task named before the restore, to cancel. */
  previousJobId: string | null;
};

/**
 * Puts the run's tasks back where they were, with their new reminder job ids, in ONE
 * statement. A task is only restored while its `updatedAt` is still the one the run gave
 * it: the check and the write are the same statement, so an edit made meanwhile is never
 * overwritten. Resolves with the tasks restored, by id.
 */
export async function restoreTasks({
  tx,
  actorId,
  changes,
  updatedAt,
  startJobIds,
}: {
  tx: Prisma.TransactionClient;
  actorId: string;
  changes: readonly (RunChange & { taskId: string })[];
  /** The tasks' new `updatedAt` (the wall clock, as Prisma's @updatedAt). */
  updatedAt: Date;
  /** Each task's new `startJobId`; null leaves the column as it is (no job queue). */
  startJobIds: ReadonlyMap<string, string | null> | null;
}): Promise<Map<string, RestoredTask>> {
  if (changes.length === 0) return new Map();
  const rows = await tx.$queryRaw<({ id: string } & RestoredTask)[]>`
    UPDATE tasks
    SET "startTime" = v.old_start,
        "endTime" = v.old_end,
        "updatedAt" = ${updatedAt},
        "startJobId" = CASE WHEN ${startJobIds !== null}::boolean THEN v.job_id ELSE tasks."startJobId" END
    FROM unnest(
      ${changes.map((change) => change.taskId)}::uuid[],
      ${changes.map((change) => iso(change.oldStart))}::timestamptz[],
      ${changes.map((change) => iso(change.oldEnd))}::timestamptz[],
      ${changes.map((change) => change.appliedAt.toISOString())}::timestamptz[],
      ${changes.map((change) => startJobIds?.get(change.taskId) ?? null)}::text[]
    ) AS v(id, old_start, old_end, applied_at, job_id)
    JOIN tasks before ON before.id = v.id
    WHERE tasks.id = v.id
      AND tasks."userId" = ${actorId}::uuid
      AND tasks."updatedAt" = v.applied_at
    RETURNING tasks.id, before."startJobId" AS "previousJobId"`;
  return new Map(rows.map(({ id, ...restored }) => [id, restored]));
}
