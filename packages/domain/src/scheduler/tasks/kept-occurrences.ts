import type { Prisma } from "@agendacraft/db/prisma";
import type { Db } from "../../shared/db.ts";
import type { KeptOccurrenceDto } from "./schemas.ts";

/**
 * The time plans kept for later occurrences of the actor's open repeating tasks that
 * overlap [from, to) and end at or after `notBefore`, in time order, at most `take`.
 */
export async function listKeptOccurrences({
  db,
  actorId,
  from,
  to,
  take,
}: {
  db: Db;
  actorId: string;
  from: Date;
  to: Date;
  take: number;
}): Promise<KeptOccurrenceDto[]> {
  const where = {
    userId: actorId,
    start: { lt: to },
    end: { gte: from },
    task: { completedAt: null },
  } satisfies Prisma.OccurrenceBlockWhereInput;
  const blocks = await db.occurrenceBlock.findMany({
    where,
    orderBy: [{ start: "asc" }, { id: "asc" }],
    take,
    select: {
      start: true,
      end: true,
      occurrenceIndex: true,
      task: { select: { id: true, summary: true, priority: true, projectId: true } },
    },
  });
  return blocks.map(({ task, ...block }) => ({
    taskId: task.id,
    summary: task.summary,
    priority: task.priority,
    projectId: task.projectId,
    ...block,
  }));
}
