import type { Prisma } from "@agendacraft/db/prisma";
import { newId } from "../../shared/ids.ts";
import type { PlanChangeDto } from "./schemas.ts";

/**
 * Reserves the blocks a plan placed for later occurrences of repeating tasks, in ONE
 * statement whatever their number, tagged with the run (undo removes them). Only for
 * tasks still the actor's and open; an occurrence that already holds a block keeps it.
 * Resolves with the changes written.
 */
export async function writeOccurrenceBlocks({
  tx,
  actorId,
  runId,
  changes,
}: {
  tx: Prisma.TransactionClient;
  actorId: string;
  runId: string;
  /** Changes that place a later occurrence (`occurrence` set). */
  changes: readonly PlanChangeDto[];
}): Promise<PlanChangeDto[]> {
  const occurrences = changes.flatMap((change) =>
    change.occurrence ? [{ ...change, occurrence: change.occurrence }] : [],
  );
  if (occurrences.length === 0) return [];
  const rows = await tx.$queryRaw<{ taskId: string; occurrenceIndex: number }[]>`
    INSERT INTO occurrence_blocks (id, "userId", "taskId", "runId", "occurrenceIndex", "dueAt", start, "end")
    SELECT v.id, ${actorId}::uuid, v.task_id, ${runId}::uuid, v.occurrence_index, v.due_at, v.start, v.end_time
    FROM unnest(
      ${occurrences.map(() => newId())}::uuid[],
      ${occurrences.map((change) => change.taskId)}::uuid[],
      ${occurrences.map((change) => change.occurrence.index)}::int[],
      ${occurrences.map((change) => change.occurrence.dueAt.toISOString())}::timestamptz[],
      ${occurrences.map((change) => change.newStart.toISOString())}::timestamptz[],
      ${occurrences.map((change) => change.newEnd.toISOString())}::timestamptz[]
    ) AS v(id, task_id, occurrence_index, due_at, start, end_time)
    JOIN tasks t ON t.id = v.task_id AND t."userId" = ${actorId}::uuid AND t."completedAt" IS NULL
    ON CONFLICT ("taskId", "occurrenceIndex") DO NOTHING
    RETURNING "taskId", "occurrenceIndex"`;
  const written = new Set(rows.map((row) => `${row.taskId}#${row.occurrenceIndex}`));
  return occurrences.filter((change) => written.has(`${change.taskId}#${change.occurrence.index}`));
}
