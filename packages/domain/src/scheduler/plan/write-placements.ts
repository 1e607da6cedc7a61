import type { Prisma } from "@agendacraft/db/prisma";
import type { PlanChangeDto } from "./schemas.ts";

export type WrittenPlacement = {
  /** The task's version right after the write (what undo compares). */
  version: number;
};

/**
 * Gives every planned task its start and end in ONE statement (a plan
 * commits thousands of tasks inside one transaction; a few statements per task took 4 s
 * for 1,000). Only tasks that are still the actor's, open and unscheduled are written:
 * one scheduled meanwhile is left alone. Resolves with what was written, by task id.
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
}): Promise<Map<string, WrittenPlacement>> {
  if (changes.length === 0) return new Map();
  // Arrays of ISO text cast in SQL: one parameter per column, whatever the number of rows.
  // The version moves on by the table's trigger; RETURNING reads the new one.
  const rows = await tx.$queryRaw<({ id: string } & WrittenPlacement)[]>`
    UPDATE tasks
    SET "startTime" = v.start_time,
        "endTime" = v.end_time,
        "updatedAt" = ${updatedAt}
    FROM unnest(
      ${changes.map((change) => change.taskId)}::uuid[],
      ${changes.map((change) => change.newStart.toISOString())}::timestamptz[],
      ${changes.map((change) => change.newEnd.toISOString())}::timestamptz[]
    ) AS v(id, start_time, end_time)
    WHERE tasks.id = v.id
      AND tasks."userId" = ${actorId}::uuid
      AND tasks."startTime" IS NULL
      AND tasks."completedAt" IS NULL
    RETURNING tasks.id, tasks.version`;
  return new Map(rows.map(({ id, ...written }) => [id, written]));
}
