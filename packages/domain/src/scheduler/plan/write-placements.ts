import type { Prisma } from "@agendacraft/db/prisma";
import type { PlanChangeDto } from "./schemas.ts";

export type WrittenPlacement = {
  /** The task's `updatedAt` right after the write (what undo compares). */
  updatedAt: Date;
  /** The reminder job the task named before the write, to cancel. */
  previousJobId: string | null;
};

/**
 * Gives every planned task its start, end and reminder job id in ONE statement (a plan
 * commits thousands of tasks inside one transaction; a few statements per task took 4 s
 * for 1,000). Only tasks that are still the actor's, open and unscheduled are written:
 * one scheduled meanwhile is left alone. Resolves with what was written, by task id.
 */
export async function writePlacements({
  tx,
  actorId,
  changes,
  updatedAt,
  startJobIds,
}: {
  tx: Prisma.TransactionClient;
  actorId: string;
  changes: readonly PlanChangeDto[];
  /** The tasks' new `updatedAt` (what Prisma's @updatedAt would have set: the wall clock). */
  updatedAt: Date;
  /** Each task's new `startJobId`; null leaves the column as it is (no job queue). */
  startJobIds: ReadonlyMap<string, string | null> | null;
}): Promise<Map<string, WrittenPlacement>> {
  if (changes.length === 0) return new Map();
  // Arrays of ISO text cast in SQL: one parameter per column, whatever the number of rows.
  // `before` is the same row as the statement found it: RETURNING shows its old job id.
  const rows = await tx.$queryRaw<({ id: string } & WrittenPlacement)[]>`
    UPDATE tasks
    SET "startTime" = v.start_time,
        "endTime" = v.end_time,
        "updatedAt" = ${updatedAt},
        "startJobId" = CASE WHEN ${startJobIds !== null}::boolean THEN v.job_id ELSE tasks."startJobId" END
    FROM unnest(
      ${changes.map((change) => change.taskId)}::uuid[],
      ${changes.map((change) => change.newStart.toISOString())}::timestamptz[],
      ${changes.map((change) => change.newEnd.toISOString())}::timestamptz[],
      ${changes.map((change) => startJobIds?.get(change.taskId) ?? null)}::text[]
    ) AS v(id, start_time, end_time, job_id)
    JOIN tasks before ON before.id = v.id
    WHERE tasks.id = v.id
      AND tasks."userId" = ${actorId}::uuid
      AND tasks."startTime" IS NULL
      AND tasks."completedAt" IS NULL
    RETURNING tasks.id, tasks."updatedAt", before."startJobId" AS "previousJobId"`;
  return new Map(rows.map(({ id, ...written }) => [id, written]));
}
