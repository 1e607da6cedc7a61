import type { Prisma } from "@agendacraft/db/prisma";
import { ACCOUNT_LIMITS } from "../../shared/account-limits.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import { newId } from "../../shared/ids.ts";
import { TaskCreated } from "../events.ts";
import { historySpan, recordTaskHistory } from "../history/record-task-history.ts";
import { lockOrdering } from "../ordering/lock-ordering.ts";
import { nextOrder } from "../ordering/next-order.ts";
import { taskOrder } from "../ordering/order-scope.ts";

export type ImportedTask = {
  projectId: string | null;
  areaId: string | null;
  summary: string;
  description: string;
  priority: number;
  minutes: number;
  startTime: Date | null;
  endTime: Date | null;
  startAfter: Date | null;
  dueAt: Date | null;
  completedAt: Date | null;
  labels: string[];
  recurrence: string | null;
  recurrenceAnchor: "scheduled" | "completion" | null;
  recurrenceText: string | null;
};

/**
 * Adds many tasks from an import in a few statements (createTask costs ~8 round trips per
 * task, which a 5,000-task import cannot afford): each is appended to its project (or the
 * inbox) in the order given, with its `created` history entry and TaskCreated event, in the
 * caller's transaction. Past ACCOUNT_LIMITS.openTasks the rest are not created: `created`
 * has null there, and the caller says so. The tasks are written as they come: an import
 * keeps a start the source had, so the start_in_past rule of a person's create is the
 * caller's business (the Todoist mapping never gives a past start).
 */
export async function insertImportedTasks({
  tx,
  userId,
  tasks,
  at,
  events,
}: {
  tx: Prisma.TransactionClient;
  userId: string;
  tasks: readonly ImportedTask[];
  /** When the history says they were created. */
  at: Date;
  events: EventRecorder;
}): Promise<{ created: (string | null)[] }> {
  if (tasks.length === 0) return { created: [] };
  await lockOrdering(tx, userId, "tasks");
  let room = ACCOUNT_LIMITS.openTasks - (await tx.task.count({ where: { userId, completedAt: null } }));
  const orders = new Map<string | null, number>();
  const created: (string | null)[] = [];
  const rows: Row[] = [];
  for (const task of tasks) {
    if (task.completedAt === null) {
      if (room <= 0) {
        created.push(null);
        continue;
      }
      room -= 1;
    }
    const order = orders.get(task.projectId) ?? (await nextOrder(tx, taskOrder(userId, task.projectId)));
    orders.set(task.projectId, order + 1);
    const id = newId();
    created.push(id);
    rows.push({ id, order, ...task });
  }
  if (rows.length === 0) return { created };
  await insertRows(tx, userId, rows);
  await recordTaskHistory(
    tx,
    rows.map((row) => ({
      userId,
      taskId: row.id,
      at,
      kind: "created" as const,
      detail: { to: historySpan(row.startTime, row.endTime) },
    })),
  );
  // A new row's version is 1 (the column default; only updates increment it).
  await events.record(
    tx,
    rows.map((row) =>
      newEvent(TaskCreated, {
        userId,
        aggregateId: row.id,
        version: 1,
        payload: { startTime: row.startTime?.toISOString() ?? null, previousId: null },
      }),
    ),
  );
  return { created };
}

type Row = ImportedTask & { id: string; order: number };

/**
 * One INSERT of all rows from parallel arrays: Prisma's createMany binds every value of every
 * row (4,000 parameters for 200 tasks), which took ~0.5 s per batch on the embedded database.
 * Labels travel as JSON, as an array of arrays cannot be unnested row by row.
 */
async function insertRows(tx: Prisma.TransactionClient, userId: string, rows: readonly Row[]): Promise<void> {
  const column = <T>(pick: (row: Row) => T) => rows.map(pick);
  const instant = (pick: (row: Row) => Date | null) => column((row) => pick(row)?.toISOString() ?? null);
  await tx.$executeRaw`
    INSERT INTO tasks (id, "userId", "projectId", "areaId", summary, description, priority, "order", minutes,
      "startTime", "endTime", "startAfter", "dueAt", "completedAt", labels, recurrence, "recurrenceAnchor",
      "recurrenceText", "updatedAt")
    SELECT v.id, ${userId}::uuid, v.project_id, v.area_id, v.summary, v.description, v.priority, v.position, v.minutes,
      v.start_time, v.end_time, v.start_after, v.due_at, v.completed_at,
      ARRAY(SELECT jsonb_array_elements_text(v.labels)), v.recurrence, v.anchor::"RecurrenceAnchor",
      v.recurrence_text, CURRENT_TIMESTAMP
    FROM unnest(
      ${column((row) => row.id)}::uuid[],
      ${column((row) => row.projectId)}::uuid[],
      ${column((row) => row.areaId)}::uuid[],
      ${column((row) => row.summary)}::text[],
      ${column((row) => row.description)}::text[],
      ${column((row) => row.priority)}::int[],
      ${column((row) => row.order)}::int[],
      ${column((row) => row.minutes)}::int[],
      ${instant((row) => row.startTime)}::timestamptz[],
      ${instant((row) => row.endTime)}::timestamptz[],
      ${instant((row) => row.startAfter)}::timestamptz[],
      ${instant((row) => row.dueAt)}::timestamptz[],
      ${instant((row) => row.completedAt)}::timestamptz[],
      ${column((row) => JSON.stringify(row.labels))}::jsonb[],
      ${column((row) => row.recurrence)}::text[],
      ${column((row) => row.recurrenceAnchor)}::text[],
      ${column((row) => row.recurrenceText)}::text[]
    ) AS v(id, project_id, area_id, summary, description, priority, position, minutes, start_time, end_time,
      start_after, due_at, completed_at, labels, recurrence, anchor, recurrence_text)`;
}
