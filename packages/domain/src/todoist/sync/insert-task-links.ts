import type { Prisma } from "@agendacraft/db/prisma";
import type { TodoistTaskSnapshot } from "../todoist-snapshot.ts";

export type NewTaskLink = {
  todoistId: string;
  taskId: string;
  synced: TodoistTaskSnapshot;
  remoteUpdatedAt: Date | null;
  unmappedReason: string | null;
};

/** One INSERT for a batch's new links (Prisma's createMany binds each value: slow for 200 snapshots). */
export async function insertTaskLinks(
  tx: Prisma.TransactionClient,
  connectionId: string,
  links: readonly NewTaskLink[],
): Promise<void> {
  if (links.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO todoist_tasks ("connectionId", "todoistId", "taskId", synced, "remoteUpdatedAt", "unmappedReason")
    SELECT ${connectionId}::uuid, v.todoist_id, v.task_id, v.synced, v.remote_updated_at, v.unmapped_reason
    FROM unnest(
      ${links.map((link) => link.todoistId)}::text[],
      ${links.map((link) => link.taskId)}::uuid[],
      ${links.map((link) => JSON.stringify(link.synced))}::jsonb[],
      ${links.map((link) => link.remoteUpdatedAt?.toISOString() ?? null)}::timestamptz[],
      ${links.map((link) => link.unmappedReason)}::text[]
    ) AS v(todoist_id, task_id, synced, remote_updated_at, unmapped_reason)`;
}
