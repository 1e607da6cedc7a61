import type { Prisma } from "@agendacraft/db/prisma";
import type { TodoistClient } from "../api/todoist-client.ts";
import type { TodoistItem } from "../api/todoist-objects.ts";
import { ZTodoistTaskSnapshot } from "../todoist-snapshot.ts";

/** The completed-tasks endpoint answers at most three months at once. */
const MAX_RANGE_MS = 89 * 86_400_000;

/**
 * Which recurring items of the answer were ticked in Todoist: their due moved, which is also
 * what a reschedule looks like, so the completed-tasks endpoint tells the two apart. It is
 * read only when some linked recurring item's due moved (a sync with no such change makes no
 * request for it). `readUntil` is the new `completedSince`, null when nothing was read.
 */
export async function readRecurringCompletions({
  tx,
  client,
  connectionId,
  items,
  since,
  now,
}: {
  tx: Prisma.TransactionClient;
  client: TodoistClient;
  connectionId: string;
  items: readonly TodoistItem[];
  since: Date;
  now: Date;
}): Promise<{ completed: Set<string>; readUntil: Date | null }> {
  const recurring = items.filter((item) => item.due?.is_recurring && !item.checked && !item.is_deleted);
  if (recurring.length === 0) return { completed: new Set(), readUntil: null };
  const links = await tx.todoistTaskLink.findMany({
    where: { connectionId, todoistId: { in: recurring.map((item) => item.id) }, taskId: { not: null } },
    select: { todoistId: true, synced: true },
  });
  const agreedDue = new Map(links.map((link) => [link.todoistId, ZTodoistTaskSnapshot.parse(link.synced).remote.due]));
  const moved = recurring.filter((item) => {
    if (!agreedDue.has(item.id)) return false;
    const due = agreedDue.get(item.id);
    return due?.date !== item.due?.date || (due?.datetime ?? null) !== (item.due?.datetime ?? null);
  });
  if (moved.length === 0) return { completed: new Set(), readUntil: null };

  const wanted = new Set(moved.map((item) => item.id));
  const completed = new Set<string>();
  const from = new Date(Math.max(since.getTime(), now.getTime() - MAX_RANGE_MS));
  let cursor: string | null = null;
  do {
    const page = await client.completedTasks({ since: from, until: now, cursor });
    for (const done of page.items) if (wanted.has(done.id)) completed.add(done.id);
    cursor = page.nextCursor;
  } while (cursor);
  return { completed, readUntil: now };
}
