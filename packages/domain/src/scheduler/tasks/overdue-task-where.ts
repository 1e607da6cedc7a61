import type { Prisma } from "@agendacraft/db/prisma";
import { TASK_DATES_IN_RANGE } from "./task-dates-in-range.ts";

/**
 * The actor's open tasks that are overdue at `now`: their planned end or their deadline
 * has passed. Today lists them and `replanOverdue` plans them again, from this one rule.
 */
export function overdueTaskWhere(actorId: string, now: Date): Prisma.TaskWhereInput {
  return {
    AND: [
      { userId: actorId, completedAt: null, OR: [{ endTime: { lt: now } }, { dueAt: { lt: now } }] },
      TASK_DATES_IN_RANGE,
    ],
  };
}
