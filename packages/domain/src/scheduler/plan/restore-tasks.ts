import type { Prisma } from "@agendacraft/db/prisma";

export type RunChange = {
  taskId: string | null;
  oldStart: Date | null;
  oldEnd: Date | null;
  /** The task's version right after the run wrote it. */
  appliedVersion: number;
  /** The task's summary now; null when the task is gone. */
  summary: string | null;
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** What a run changed, with each task's current summary, in one statement. */
export function loadRunChanges(tx: Prisma.TransactionClient, runId: string): Promise<RunChange[]> {
  return tx.$queryRaw<RunChange[]>`
    SELECT c."taskId", c."oldStart", c."oldEnd", c."appliedVersion", t.summary
    FROM plan_run_changes c LEFT JOIN tasks t ON t.id = c."taskId"
    WHERE c."runId" = ${runId}::uuid
    ORDER BY c.id`;
}

/**
 * Puts the run's tasks back where they were in ONE statement. A task is only restored
 * while its version is still the one the run gave it (every write moves it on): the check
 * and the write are the same statement, so an edit made meanwhile is never overwritten.
 * Resolves with the ids of the tasks restored.
 */
export async function restoreTasks({
  tx,
  actorId,
  changes,
  updatedAt,
}: {
  tx: Prisma.TransactionClient;
  actorId: string;
  changes: readonly (RunChange & { taskId: string })[];
  /** The tasks' new `updatedAt` (the wall clock, as Prisma's @updatedAt). */
  updatedAt: Date;
}): Promise<Set<string>> {
  if (changes.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE tasks
    SET "startTime" = v.old_start,
        "endTime" = v.old_end,
        -- A run only moves tasks the planner had placed, so an old time is the planner's again.
        "plannedStart" = v.old_start,
        "updatedAt" = ${updatedAt}
    FROM unnest(
      ${changes.map((change) => change.taskId)}::uuid[],
      ${changes.map((change) => iso(change.oldStart))}::timestamptz[],
      ${changes.map((change) => iso(change.oldEnd))}::timestamptz[],
      ${changes.map((change) => change.appliedVersion)}::int[]
    ) AS v(id, old_start, old_end, applied_version)
    WHERE tasks.id = v.id
      AND tasks."userId" = ${actorId}::uuid
      AND tasks.version = v.applied_version
    RETURNING tasks.id`;
  return new Set(rows.map(({ id }) => id));
}
