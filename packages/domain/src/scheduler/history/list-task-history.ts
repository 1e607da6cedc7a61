import type { Db } from "../../shared/db.ts";
import { taskNotFound } from "../tasks/task-errors.ts";
import {
  type TaskHistoryInput,
  type TaskHistoryPageDto,
  ZTaskHistoryDetail,
  ZTaskHistoryInput,
  ZTaskHistoryKind,
} from "./schemas.ts";

/**
 * One page of a task's history, newest first (ids are UUIDv7 written in the order things
 * happened). Another person's task is not found, as with every task procedure.
 */
export async function listTaskHistory({
  db,
  actorId,
  input,
}: {
  db: Db;
  actorId: string;
  input: TaskHistoryInput;
}): Promise<TaskHistoryPageDto> {
  const { taskId, cursor, limit } = ZTaskHistoryInput.parse(input);
  const task = await db.task.findFirst({ where: { id: taskId, userId: actorId }, select: { id: true } });
  if (!task) throw taskNotFound();
  const rows = await db.taskHistoryEntry.findMany({
    where: { taskId, userId: actorId, ...(cursor ? { id: { lt: cursor } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: { id: true, kind: true, at: true, detail: true },
  });
  const items = rows.slice(0, limit).map((row) => ({
    id: row.id,
    kind: ZTaskHistoryKind.parse(row.kind),
    at: row.at,
    detail: ZTaskHistoryDetail.parse(row.detail),
  }));
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
