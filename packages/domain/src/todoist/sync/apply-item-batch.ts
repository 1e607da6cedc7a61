import { insertImportedTasks } from "../../scheduler/imports/index.ts";
import { deleteTask } from "../../scheduler/tasks/index.ts";
import { ACCOUNT_LIMITS } from "../../shared/account-limits.ts";
import type { TodoistItem } from "../api/todoist-objects.ts";
import type { ItemMapping } from "../mapping/map-todoist-item.ts";
import { localFieldsOf, remoteFieldsOf } from "../todoist-snapshot.ts";
import { insertTaskLinks, type NewTaskLink } from "./insert-task-links.ts";
import { linkedTaskSelect, type TaskLink, taskLinkSelect } from "./linked-task.ts";
import { type BatchContext, mapItem, note, targetOf } from "./pull-context.ts";
import { updateLinkedTask } from "./update-linked-task.ts";

/**
 * Applies one batch of Todoist items in the caller's transaction: new items become tasks
 * (with their links and snapshots), linked ones are updated, completed or deleted. A deleted
 * item's link goes first, so no delete is pushed back.
 */
export async function applyItemBatch(context: BatchContext, items: readonly TodoistItem[]): Promise<void> {
  const { tx, connectionId } = context;
  const links = new Map(
    (
      await tx.todoistTaskLink.findMany({
        where: { connectionId, todoistId: { in: items.map((item) => item.id) } },
        select: taskLinkSelect,
      })
    ).map((link) => [link.todoistId, link]),
  );
  const taskIds = [...links.values()].flatMap((link) => (link.taskId ? [link.taskId] : []));
  const tasks = new Map(
    (await tx.task.findMany({ where: { id: { in: taskIds } }, select: linkedTaskSelect })).map((task) => [
      task.id,
      task,
    ]),
  );

  const fresh: { item: TodoistItem; mapping: ItemMapping }[] = [];
  for (const item of items) {
    const link = links.get(item.id);
    if (item.is_deleted) {
      if (link) await deleteLinked(context, link);
      continue;
    }
    const mapping = mapItem(context, item);
    if (!link) {
      // A task added and ticked off between two syncs needs no open copy here.
      if (!item.checked) fresh.push({ item, mapping });
      continue;
    }
    // Deleted here: the push deletes it in Todoist, so Todoist's edit has nowhere to go.
    const task = link.taskId ? tasks.get(link.taskId) : undefined;
    if (!task) continue;
    const taskId = await updateLinkedTask(context, { item, mapping, link, task });
    listUnmapped(context, item, mapping, taskId);
  }
  await createTasks(context, fresh);
}

async function deleteLinked(context: BatchContext, link: TaskLink): Promise<void> {
  const { tx, connectionId, userId, events } = context;
  await tx.todoistTaskLink.delete({ where: { connectionId_todoistId: { connectionId, todoistId: link.todoistId } } });
  if (!link.taskId) return;
  // Its parent's delete may have taken it already (sub-tasks go with their parent).
  if (!(await tx.task.findUnique({ where: { id: link.taskId }, select: { id: true } }))) return;
  await deleteTask({ db: tx, actorId: userId, id: link.taskId, events });
  context.result.deleted += 1;
}

async function createTasks(
  context: BatchContext,
  fresh: readonly { item: TodoistItem; mapping: ItemMapping }[],
): Promise<void> {
  if (fresh.length === 0) return;
  const { tx, userId, connectionId, clock, events, result } = context;
  const rows = fresh.map(({ item, mapping }) => {
    const { completed, ...fields } = mapping.task;
    const target = targetOf(context, item);
    return {
      ...fields,
      projectId: target.projectId,
      areaId: target.areaId,
      completedAt: completed ? context.now : null,
    };
  });
  const { created } = await insertImportedTasks({ tx, userId, tasks: rows, at: clock.now(), events });
  const links: NewTaskLink[] = [];
  fresh.forEach(({ item, mapping }, index) => {
    const taskId = created[index] ?? null;
    const row = rows[index];
    if (!taskId || !row) {
      note(
        context,
        item,
        null,
        `“${mapping.task.summary}” was not imported: you have ${ACCOUNT_LIMITS.openTasks.toLocaleString("en-US")} open tasks already. Complete or delete some, and sync again.`,
      );
      return;
    }
    result.created += 1;
    for (const text of mapping.notes) note(context, item, taskId, text);
    if (!row.projectId && !context.targets.has(item.project_id)) {
      note(
        context,
        item,
        taskId,
        "Its Todoist project is not imported (archived, or past the project limit): it is in the inbox.",
      );
    }
    listUnmapped(context, item, mapping, taskId);
    links.push({
      todoistId: item.id,
      taskId,
      synced: { remote: remoteFieldsOf(item), local: localFieldsOf(row) },
      remoteUpdatedAt: item.updated_at ? new Date(item.updated_at) : null,
      unmappedReason: mapping.unmappedReason,
    });
  });
  await insertTaskLinks(tx, connectionId, links);
}

function listUnmapped(context: BatchContext, item: TodoistItem, mapping: ItemMapping, taskId: string | null): void {
  if (!mapping.unmappedReason || !item.due) return;
  context.result.unmapped.push({ taskId, todoistId: item.id, text: item.due.string, reason: mapping.unmappedReason });
}
