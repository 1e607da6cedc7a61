import type { Prisma } from "@agendacraft/db/prisma";
import { DomainError } from "../../shared/errors.ts";
import { taskHasSubtasks, taskOwnParent } from "./task-errors.ts";

export type TaskParent = { id: string; projectId: string | null };

/**
 * The parent a task (`taskId`, absent while creating) may hang under when `parentId` is asked
 * for. Sub-tasks are one level deep, as in Todoist: asking for a sub-task as the parent
 * hangs the task under that sub-task's top task, and a task with sub-tasks of its own stays
 * a top task. The parent must be the actor's own; a foreign id answers like a missing one.
 */
export async function resolveTaskParent(
  tx: Prisma.TransactionClient,
  { actorId, parentId, taskId }: { actorId: string; parentId: string; taskId?: string },
): Promise<TaskParent> {
  if (parentId === taskId) throw taskOwnParent();
  // Locked: a task becoming a sub-task locks itself (inLockedTask) and checks it has no
  // sub-tasks, so a sub-task added under it at the same time waits and then sees its parent.
  const [asked] = await tx.$queryRaw<{ id: string; projectId: string | null; parentId: string | null }[]>`
    SELECT id, "projectId", "parentId" FROM tasks
    WHERE id = ${parentId}::uuid AND "userId" = ${actorId}::uuid FOR UPDATE`;
  if (!asked) throw parentNotFound();
  const top = asked.parentId
    ? await tx.task.findUniqueOrThrow({ where: { id: asked.parentId }, select: { id: true, projectId: true } })
    : { id: asked.id, projectId: asked.projectId };
  // Also refuses hanging a task under one of its own sub-tasks (which would flatten to itself).
  if (taskId && (await tx.task.count({ where: { parentId: taskId } })) > 0) throw taskHasSubtasks();
  return top;
}

function parentNotFound(): DomainError {
  return new DomainError({
    kind: "NOT_FOUND",
    code: "scheduler.task_not_found",
    message: "That parent task does not exist.",
    details: { field: "parentId" },
  });
}
