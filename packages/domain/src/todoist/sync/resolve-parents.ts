import type { Prisma } from "@agendacraft/db/prisma";
import type { TodoistItem } from "../api/todoist-objects.ts";
import { ZTodoistTaskSnapshot } from "../todoist-snapshot.ts";

/** How far up a chain of sub-tasks is followed (Todoist allows 4 levels). */
const MAX_DEPTH = 10;

/**
 * Gives every task of the answer its parent, one level deep: a sub-task of a sub-task hangs
 * under the top task. Run after all items of the answer are linked, because Todoist may list
 * a child before its parent. Ancestors not in the answer are known from their links.
 */
export async function resolveParents({
  tx,
  connectionId,
  items,
}: {
  tx: Prisma.TransactionClient;
  connectionId: string;
  items: readonly TodoistItem[];
}): Promise<void> {
  const live = items.filter((item) => !item.is_deleted);
  if (live.length === 0) return;
  const parentOf = new Map(live.map((item) => [item.id, item.parent_id ?? null]));
  for (let round = 0; round < MAX_DEPTH; round += 1) {
    const unknown = [...new Set([...parentOf.values()])].filter((id): id is string => id !== null && !parentOf.has(id));
    if (unknown.length === 0) break;
    const links = await tx.todoistTaskLink.findMany({
      where: { connectionId, todoistId: { in: unknown } },
      select: { todoistId: true, synced: true },
    });
    for (const id of unknown) parentOf.set(id, null);
    for (const link of links) parentOf.set(link.todoistId, ZTodoistTaskSnapshot.parse(link.synced).remote.parent_id);
  }
  const topOf = (id: string): string | null => {
    let top: string | null = null;
    for (let at = parentOf.get(id) ?? null, depth = 0; at !== null && depth < MAX_DEPTH; depth += 1) {
      top = at;
      at = parentOf.get(at) ?? null;
    }
    return top;
  };

  const wanted = live.map((item) => ({ todoistId: item.id, parentTodoistId: topOf(item.id) }));
  const ids = new Set(
    wanted.flatMap(({ todoistId, parentTodoistId }) => [todoistId, ...(parentTodoistId ? [parentTodoistId] : [])]),
  );
  const taskOf = new Map(
    (
      await tx.todoistTaskLink.findMany({
        where: { connectionId, todoistId: { in: [...ids] }, taskId: { not: null } },
        select: { todoistId: true, taskId: true },
      })
    ).map((link) => [link.todoistId, link.taskId as string]),
  );
  const pairs = wanted.flatMap(({ todoistId, parentTodoistId }) => {
    const taskId = taskOf.get(todoistId);
    const parentId = parentTodoistId ? (taskOf.get(parentTodoistId) ?? null) : null;
    return taskId && parentId !== taskId ? [{ taskId, parentId }] : [];
  });
  if (pairs.length === 0) return;
  await tx.$executeRaw`
    UPDATE tasks SET "parentId" = v.parent_id
    FROM unnest(${pairs.map((pair) => pair.taskId)}::uuid[], ${pairs.map((pair) => pair.parentId)}::uuid[])
      AS v(task_id, parent_id)
    WHERE tasks.id = v.task_id AND tasks."parentId" IS DISTINCT FROM v.parent_id`;
}
