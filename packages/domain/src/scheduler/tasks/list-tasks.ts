import type { Prisma } from "@agendacraft/db/prisma";
import type { Db } from "../../shared/db.ts";
import { invalidCursorError, type Page, toPage } from "../../shared/pagination.ts";
import { assertTaskReferences } from "./assert-task-references.ts";
import type { ListTasksInput, TaskDto } from "./schemas.ts";
import { taskSelect } from "./task.select.ts";

const HIGH_PRIORITY = 3;

type Cursor = { order: number; startTime: string | null; id: string };

function encodeCursor(task: TaskDto): string {
  const cursor: Cursor = { order: task.order, startTime: task.startTime?.toISOString() ?? null, id: task.id };
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(value: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Cursor;
    if (typeof cursor.order === "number" && typeof cursor.id === "string") return cursor;
  } catch {
    // fall through to the error below
  }
  throw invalidCursorError();
}

/**
 * Rows after the cursor in the list order (order, then start time with tasks without
 * one last, then id), expressed as a keyset condition so each page is one query.
 */
function afterCursor(cursor: Cursor): Prisma.TaskWhereInput {
  const sameOrder = { order: cursor.order };
  if (cursor.startTime === null) {
    return { OR: [{ order: { gt: cursor.order } }, { ...sameOrder, startTime: null, id: { gt: cursor.id } }] };
  }
  const start = new Date(cursor.startTime);
  return {
    OR: [
      { order: { gt: cursor.order } },
      { ...sameOrder, startTime: { gt: start } },
      { ...sameOrder, startTime: start, id: { gt: cursor.id } },
      { ...sameOrder, startTime: null },
    ],
  };
}

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
  if (input.cursor) where.push(afterCursor(decodeCursor(input.cursor)));
  return where;
}

/**
 * One page of the actor's tasks, in one query whatever the page size (plus one to check
 * a project, area or planner filter is the actor's own: a foreign id is NOT_FOUND).
 */
export async function listTasks({
  db,
  actorId,
  input,
}: {
  db: Db;
  actorId: string;
  input: ListTasksInput;
}): Promise<Page<TaskDto>> {
  await assertTaskReferences(db, actorId, {
    projectId: input.projectId,
    areaId: input.areaId,
    plannerId: input.plannerId,
  });
  const rows = await db.task.findMany({
    where: { AND: filters(actorId, input) },
    orderBy: [{ order: "asc" }, { startTime: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: input.limit + 1,
    select: taskSelect,
  });
  return toPage(rows, input.limit, encodeCursor);
}
