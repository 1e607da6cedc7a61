import type { Prisma } from "@agendacraft/db/prisma";

export type OccurrenceSlot = { start: Date; end: Date; dueAt: Date };

/** The block a plan reserved for a series' occurrence at `index`, if any (read before the occurrence is created). */
export function findOccurrenceBlock(
  tx: Prisma.TransactionClient,
  { taskId, index }: { taskId: string; index: number },
): Promise<OccurrenceSlot | null> {
  return tx.occurrenceBlock.findUnique({
    where: { taskId_occurrenceIndex: { taskId, occurrenceIndex: index } },
    select: { start: true, end: true, dueAt: true },
  });
}

/**
 * After a series' occurrence is completed: the next occurrence (`nextId`, at `nextIndex`)
 * has taken over its own block, so that block goes; the blocks of later occurrences move
 * on to it, where they are (completing one occurrence leaves the others' time alone); any
 * left for earlier occurrences are stale and go.
 */
export async function handOverOccurrenceBlocks(
  tx: Prisma.TransactionClient,
  { fromId, nextId, nextIndex }: { fromId: string; nextId: string; nextIndex: number },
): Promise<void> {
  await tx.occurrenceBlock.updateMany({
    where: { taskId: fromId, occurrenceIndex: { gt: nextIndex } },
    data: { taskId: nextId },
  });
  await tx.occurrenceBlock.deleteMany({ where: { taskId: fromId } });
}

/**
 * Before an occurrence created by completing `previousId` is deleted (as undoing that
 * completion does): the time reserved for the series goes back to the occurrence it came
 * from, its own planner-given time included, so reopening that one finds the series
 * planned as it was. A time the person chose stays theirs and goes with the task.
 */
export async function handBackOccurrenceBlocks(
  tx: Prisma.TransactionClient,
  task: {
    id: string;
    userId: string;
    previousId: string | null;
    occurrenceIndex: number;
    startTime: Date | null;
    endTime: Date | null;
    plannedStart: Date | null;
    dueAt: Date | null;
  },
): Promise<void> {
  if (!task.previousId) return;
  await tx.occurrenceBlock.updateMany({ where: { taskId: task.id }, data: { taskId: task.previousId } });
  const { startTime, endTime, dueAt } = task;
  const plannersOwn = startTime !== null && task.plannedStart?.getTime() === startTime.getTime();
  if (!plannersOwn || !endTime || !dueAt) return;
  await tx.occurrenceBlock.createMany({
    data: [
      {
        userId: task.userId,
        taskId: task.previousId,
        occurrenceIndex: task.occurrenceIndex,
        dueAt,
        start: startTime,
        end: endTime,
      },
    ],
    skipDuplicates: true,
  });
}
