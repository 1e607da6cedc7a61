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
  const rows: Prisma.TaskCreateManyInput[] = [];
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
    rows.push({ id, userId, order, ...task });
  }
  if (rows.length === 0) return { created };
  await tx.task.createMany({ data: rows });
  await recordTaskHistory(
    tx,
    rows.map((row) => ({
      userId,
      taskId: row.id as string,
      at,
      kind: "created" as const,
      detail: { to: historySpan(toDate(row.startTime), toDate(row.endTime)) },
    })),
  );
  // A new row's version is 1 (the column default; only updates increment it).
  await events.record(
    tx,
    rows.map((row) =>
      newEvent(TaskCreated, {
        userId,
        aggregateId: row.id as string,
        version: 1,
        payload: { startTime: toDate(row.startTime)?.toISOString() ?? null, previousId: null },
      }),
    ),
  );
  return { created };
}

function toDate(value: Date | string | null | undefined): Date | null {
  return value ? new Date(value) : null;
}
