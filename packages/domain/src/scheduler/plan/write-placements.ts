import type { Prisma } from "@agendacraft/db/prisma";
import type { PlanChangeDto } from "./schemas.ts";

export type WrittenPlacement = {
  /** The task's version right after the write (what undo compares). */
  version: number;
};

/**
 * Gives every planned task its start and end in ONE statement (a plan
 * commits thousands of tasks inside one transaction; a few statements per task took 4 s
 * for 1,000), and records it as the planner's (plannedStart). Only tasks that are still
 * the actor's, open and where the plan found them are written: one scheduled or moved
 * meanwhile is left alone. Resolves with what was written, by task id.
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
  // A task the plan moves (to make room, or off a calendar conflict) is written only while
  // it is still where the planner put it and where the plan found it: moved by its person
  // meanwhile, it is theirs.
  const rows = await tx.$queryRaw<({ id: string } & WrittenPlacement)[]>`
    UPDATE tasks
    SET "startTime" = v.start_time,
        "endTime" = v.end_time,
        "plannedStart" = v.start_time,
        "updatedAt" = ${updatedAt}
    FROM unnest(
      ${changes.map((change) => change.taskId)}::uuid[],
      ${changes.map((change) => change.newStart.toISOString())}::timestamptz[],
      ${changes.map((change) => change.newEnd.toISOString())}::timestamptz[],
      ${changes.map((change) => change.oldStart?.toISOString() ?? null)}::timestamptz[]
    ) AS v(id, start_time, end_time, old_start)
    WHERE tasks.id = v.id
      AND tasks."userId" = ${actorId}::uuid
      AND tasks."completedAt" IS NULL
      AND (CASE WHEN v.old_start IS NULL THEN tasks."startTime" IS NULL
                ELSE tasks."startTime" = v.old_start AND tasks."plannedStart" = v.old_start END)
    RETURNING tasks.id, tasks.version`;
  return new Map(rows.map(({ id, ...written }) => [id, written]));
}
