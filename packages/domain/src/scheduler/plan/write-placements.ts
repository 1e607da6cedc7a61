import type { Prisma } from "@agendacraft/db/prisma";
import type { PlanChangeDto } from "./schemas.ts";

/**
 * Gives every planned task its start and end in ONE statement (a plan commits thousands
 * of tasks inside one transaction; a statement per task took 4 s for 1,000). Only tasks
 * that are still the actor's, open and unscheduled are written: one scheduled meanwhile
 * is left alone. Resolves with the `updatedAt` each written task now has, by task id.
 */
export async function writePlacements({
  tx,
  actorId,
  changes,
  updatedAt,
}: {
  tx: Prisma.TransactionClient;
  actorId: string;
  changes: readonly PlanChangeDto[];
  /** The tasks' new `updatedAt` (what Prisma's @updatedAt would have set: the wall clock). */
  updatedAt: Date;
}): Promise<Map<string, Date>> {
  if (changes.length === 0) return new Map();
  // Arrays of ISO text cast in SQL: one parameter per column, whatever the number of rows.
  const rows = await tx.$queryRaw<{ id: string; updatedAt: Date }[]>`
    UPDATE tasks
    SET "startTime" = v.start_time, "endTime" = v.end_time, "updatedAt" = ${updatedAt}
    FROM unnest(
      ${changes.map((change) => change.taskId)}::uuid[],
      ${changes.map((change) => change.newStart.toISOString())}::timestamptz[],
      ${changes.map((change) => change.newEnd.toISOString())}::timestamptz[]
    ) AS v(id, start_time, end_time)
    WHERE tasks.id = v.id
      AND tasks."userId" = ${actorId}::uuid
      AND tasks."startTime" IS NULL
      AND tasks."completedAt" IS NULL
    RETURNING tasks.id, tasks."updatedAt"`;
  return new Map(rows.map((row) => [row.id, row.updatedAt]));
}
