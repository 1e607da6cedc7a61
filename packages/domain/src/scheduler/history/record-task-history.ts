import type { Prisma } from "@agendacraft/db/prisma";
import { newId } from "../../shared/ids.ts";
import type { TaskHistoryDetail, TaskHistoryKind, TaskHistorySpan } from "./schemas.ts";

export type TaskHistoryWrite = {
  userId: string;
  taskId: string;
  at: Date;
  kind: TaskHistoryKind;
  detail?: TaskHistoryDetail;
};

/**
 * Appends entries to tasks' histories in ONE statement whatever their number (a plan run
 * writes one per task it placed). Called inside the transaction that makes the change, so
 * an entry exists exactly when its change does. Ids are UUIDv7 made here in call order:
 * they order a task's entries even when the injected clock gives two of them the same `at`.
 */
export async function recordTaskHistory(
  tx: Prisma.TransactionClient,
  entries: readonly TaskHistoryWrite[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO task_history (id, "userId", "taskId", at, kind, detail)
    SELECT v.id, v.user_id, v.task_id, v.at, v.kind, v.detail
    FROM unnest(
      ${entries.map(() => newId())}::uuid[],
      ${entries.map((entry) => entry.userId)}::uuid[],
      ${entries.map((entry) => entry.taskId)}::uuid[],
      ${entries.map((entry) => entry.at.toISOString())}::timestamptz[],
      ${entries.map((entry) => entry.kind)}::text[],
      ${entries.map((entry) => JSON.stringify(entry.detail ?? {}))}::jsonb[]
    ) AS v(id, user_id, task_id, at, kind, detail)`;
}

/** A task's time as history detail: null when it has none. */
export function historySpan(start: Date | null, end: Date | null): TaskHistorySpan | null {
  return start && end ? { start: start.toISOString(), end: end.toISOString() } : null;
}
