import { TaskChanged } from "../../scheduler/events.ts";
import { insertImportedTasks } from "../../scheduler/imports/index.ts";
import { completeTask } from "../../scheduler/tasks/index.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import type { TodoistItem } from "../api/todoist-objects.ts";
import type { ItemMapping } from "../mapping/map-todoist-item.ts";
import { localFieldsOf, remoteFieldsOf } from "../todoist-snapshot.ts";
import { type LinkedTask, linkedTaskSelect } from "./linked-task.ts";
import type { BatchContext } from "./pull-context.ts";

/**
 * A recurring item ticked in Todoist keeps its id and moves its due to the next date. Here
 * the open occurrence is completed the way AgendaCraft completes a repeat (completeTask makes
 * the next one, exactly once), the link moves to that next occurrence, and it takes Todoist's
 * new due. When AgendaCraft makes no next one (the repeat is not mapped, or its series ended
 * here), one is added from the item, so both sides keep exactly one open occurrence.
 */
export async function followRecurringCompletion(
  context: BatchContext,
  { item, mapping, task }: { item: TodoistItem; mapping: ItemMapping; task: LinkedTask },
): Promise<string> {
  const { tx, userId, connectionId, clock, events, result } = context;
  let nextId: string | null;
  if (task.completedAt) {
    // Ticked here as well (the push has not told Todoist yet): its next occurrence is the one.
    nextId = (await tx.task.findUnique({ where: { previousId: task.id }, select: { id: true } }))?.id ?? null;
  } else {
    const { next } = await completeTask({ db: tx, actorId: userId, id: task.id, clock, events });
    nextId = next?.id ?? null;
    result.completed += 1;
  }

  const { completed: _open, ...fields } = mapping.task;
  if (nextId) {
    const updated = await tx.task.update({
      where: { id: nextId },
      data: { ...fields, plannedStart: null },
      select: { version: true },
    });
    await events.record(tx, [
      newEvent(TaskChanged, {
        userId,
        aggregateId: nextId,
        version: updated.version,
        payload: {
          fields: ["summary", "description", "priority", "minutes", "startTime", "endTime", "startAfter", "dueAt"],
        },
      }),
    ]);
  } else {
    const { created } = await insertImportedTasks({
      tx,
      userId,
      tasks: [{ ...fields, projectId: task.projectId, areaId: task.areaId, completedAt: null }],
      at: clock.now(),
      events,
    });
    nextId = created[0] ?? null;
  }
  if (!nextId) {
    // Past the open-task limit: the link stays on the completed occurrence; the next sync retries.
    result.notes.push({
      todoistId: item.id,
      taskId: task.id,
      note: `The next “${mapping.task.summary}” was not added: the open-task limit is reached.`,
    });
    return task.id;
  }

  const next = await tx.task.findUniqueOrThrow({ where: { id: nextId }, select: linkedTaskSelect });
  await tx.todoistTaskLink.update({
    where: { connectionId_todoistId: { connectionId, todoistId: item.id } },
    data: {
      taskId: nextId,
      synced: { remote: remoteFieldsOf(item), local: localFieldsOf(next) },
      remoteUpdatedAt: item.updated_at ? new Date(item.updated_at) : null,
      dirty: false,
      unmappedReason: mapping.unmappedReason,
    },
  });
  return nextId;
}
