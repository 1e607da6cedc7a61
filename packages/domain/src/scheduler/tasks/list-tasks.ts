import type { Prisma } from "@agendacraft/db/prisma";
import type { Db } from "../../shared/db.ts";
import type { WarningLog } from "../../shared/log.ts";
import { type Page, toPage } from "../../shared/pagination.ts";
import { afterOrderCursor, encodeOrderCursor } from "../ordering/order-cursor.ts";
import { assertTaskReferences } from "./assert-task-references.ts";
import type { ListTasksInput, TaskDto } from "./schemas.ts";
import { taskSelect, toTaskDto } from "./task.select.ts";
import { TASK_DATES_IN_RANGE, warnAboutSkippedTasks } from "./task-dates-in-range.ts";

const HIGH_PRIORITY = 3;

function filters(actorId: string, input: ListTasksInput): Prisma.TaskWhereInput[] {
  const where: Prisma.TaskWhereInput[] = [{ userId: actorId }];
  const scheduled = input.view === "schedulable" ? false : input.scheduled;
  const priorityMin =
    input.view === "high_priority" ? Math.max(HIGH_PRIORITY, input.priorityMin ?? 0) : input.priorityMin;
  where.push({ completedAt: input.isComplete ? { not: null } : null });
  if (input.projectId !== undefined) where.push({ projectId: input.projectId });
  if (input.areaId) where.push({ areaId: input.areaId });
  if (input.plannerId) where.push({ plannerId: input.plannerId });
  if (scheduled !== undefined) where.push({ startTime: scheduled ? { not: null } : null });
  if (input.startFrom) where.push({ startTime: { gte: input.startFrom } });
  if (input.startTo) where.push({ startTime: { lt: input.startTo } });
  if (input.dueBefore) where.push({ dueAt: { lt: input.dueBefore } });
  if (priorityMin !== undefined) where.push({ priority: { gte: priorityMin } });
  if (input.q) {
    where.push({
      OR: [
        { summary: { contains: input.q, mode: "insensitive" } },
        { description: { contains: input.q, mode: "insensitive" } },
      ],
    });
  }
  return where;
}

/**
 * One page of the actor's tasks, in one query whatever the page size (plus one to check
 * a project, area or planner filter is the actor's own: a foreign id is NOT_FOUND).
 * Tasks with a date outside the supported range are skipped; with `log`, the first page
 * also looks for them (one more query, ids only) and logs a warning naming them.
 */
export async function listTasks({
  db,
  actorId,
  input,
  log,
}: {
  db: Db;
  actorId: string;
  input: ListTasksInput;
  log?: WarningLog;
}): Promise<Page<TaskDto>> {
  await assertTaskReferences(db, actorId, {
    projectId: input.projectId,
    areaId: input.areaId,
    plannerId: input.plannerId,
  });
  const where = filters(actorId, input);
  const [rows] = await Promise.all([
    db.task.findMany({
      where: { AND: [...where, afterOrderCursor(input.cursor), TASK_DATES_IN_RANGE] },
      // (order, id) like every ordered list: order is unique within a project, and across
      // projects the id (time-ordered) keeps equal positions in creation order.
      orderBy: [{ order: "asc" }, { id: "asc" }],
      take: input.limit + 1,
      select: taskSelect,
    }),
    log && !input.cursor
      ? warnAboutSkippedTasks({ db, actorId, log, where: { AND: where }, reading: "tasks.list" })
      : undefined,
  ]);
  return toPage(rows.map(toTaskDto), input.limit, encodeOrderCursor);
}
