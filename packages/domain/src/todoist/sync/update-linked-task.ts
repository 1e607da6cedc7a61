import type { Prisma } from "@agendacraft/db/prisma";
import { TaskChanged, type TaskField } from "../../scheduler/events.ts";
import { completeTask, moveTask, reopenTask } from "../../scheduler/tasks/index.ts";
import { newEvent } from "../../shared/events/event-type.ts";
import type { TodoistItem } from "../api/todoist-objects.ts";
import { type ItemMapping, SECTION_LABEL_PREFIX } from "../mapping/map-todoist-item.ts";
import {
  changedFields,
  FIELD_PAIRS,
  type LocalFields,
  localFieldsOf,
  remoteFieldsOf,
  ZTodoistTaskSnapshot,
} from "../todoist-snapshot.ts";
import { followRecurringCompletion } from "./follow-recurring-completion.ts";
import { type LinkedTask, linkedTaskSelect, type TaskLink } from "./linked-task.ts";
import { type BatchContext, note, targetOf } from "./pull-context.ts";

const MINUTE_MS = 60_000;

/**
 * Applies Todoist's changes to a linked task: each pair of fields Todoist changed since the
 * snapshot is written, unless AgendaCraft changed it too and its change is the later one (then
 * the local value stays, the snapshot keeps the old local value so the push sends it, and the
 * link is marked dirty). Returns the task the link points at afterwards.
 */
export async function updateLinkedTask(
  context: BatchContext,
  { item, mapping, link, task }: { item: TodoistItem; mapping: ItemMapping; link: TaskLink; task: LinkedTask },
): Promise<string> {
  const { tx, userId, connectionId, clock, events, result } = context;
  const snapshot = ZTodoistTaskSnapshot.parse(link.synced);
  const remote = remoteFieldsOf(item);
  const remoteChanged = new Set(changedFields(snapshot.remote, remote));
  if (remoteChanged.size === 0) return task.id;
  for (const text of mapping.notes) note(context, item, task.id, text);

  if (remoteChanged.has("due") && item.due?.is_recurring && !item.checked && context.completedInTodoist.has(item.id)) {
    return followRecurringCompletion(context, { item, mapping, task });
  }

  const current = localFieldsOf(task);
  const localChanged = new Set(changedFields(snapshot.local, current));
  // Todoist's values as local fields: both sides making the same change (both completed the
  // task, say) is agreement, not a conflict.
  const wanted = localFieldsOf({
    ...mapping.task,
    completedAt: mapping.task.completed ? (task.completedAt ?? context.now) : null,
    projectId: targetOf(context, item).projectId,
  });
  const applied = new Set<keyof LocalFields>();
  /** Fields whose agreed value becomes the current one: the written ones and those both sides agree on. */
  const settled = new Set<keyof LocalFields>();
  let localWon = false;
  for (const pair of FIELD_PAIRS) {
    if (!pair.remote.some((field) => remoteChanged.has(field))) continue;
    if (pair.local.every((field) => JSON.stringify(current[field]) === JSON.stringify(wanted[field]))) {
      for (const field of pair.local) settled.add(field);
      continue;
    }
    if (pair.local.some((field) => localChanged.has(field))) {
      const todoistLater = item.updated_at ? Date.parse(item.updated_at) > task.updatedAt.getTime() : false;
      result.conflicts.push({
        taskId: task.id,
        todoistId: item.id,
        field: pair.local[0],
        winner: todoistLater ? "todoist" : "agendacraft",
      });
      if (!todoistLater) {
        localWon = true;
        continue;
      }
    }
    for (const field of pair.local) {
      applied.add(field);
      settled.add(field);
    }
  }

  const mapped = mapping.task;
  const data: Prisma.TaskUpdateInput = {};
  const fields: TaskField[] = [];
  const write = <K extends TaskField & keyof Prisma.TaskUpdateInput>(field: K, value: Prisma.TaskUpdateInput[K]) => {
    data[field] = value;
    fields.push(field);
  };
  if (applied.has("summary")) write("summary", mapped.summary);
  if (applied.has("description")) write("description", mapped.description);
  if (applied.has("priority")) write("priority", mapped.priority);
  if (applied.has("minutes")) write("minutes", mapped.minutes);
  const datesApplied = applied.has("startTime");
  if (datesApplied) {
    write("startTime", mapped.startTime);
    write("endTime", mapped.endTime);
    write("startAfter", mapped.startAfter);
    write("dueAt", mapped.dueAt);
    // Todoist's time is the person's word: the planner must not move it, and parts it had
    // split the task into no longer match.
    data.plannedStart = null;
    await tx.taskBlock.deleteMany({ where: { taskId: task.id } });
  } else if (applied.has("minutes") && task.startTime) {
    write("endTime", new Date(task.startTime.getTime() + mapped.minutes * MINUTE_MS));
  }
  // The repeat follows Todoist's due unless AgendaCraft's later dates won (a new due string
  // may keep the same date: "every day" became "every 2 days").
  const dueFollows = remoteChanged.has("due") && settled.has("startTime");
  if (dueFollows) {
    if (task.recurrence !== mapped.recurrence) write("recurrence", mapped.recurrence);
    if (task.recurrenceAnchor !== mapped.recurrenceAnchor) write("recurrenceAnchor", mapped.recurrenceAnchor);
    if (task.recurrenceText !== mapped.recurrenceText) data.recurrenceText = mapped.recurrenceText;
  }
  if (remoteChanged.has("labels") || remoteChanged.has("section_id"))
    data.labels = labelsOf(context, item, mapped, task);

  let changed = Object.keys(data).length > 0;
  if (Object.keys(data).length > 0) {
    const updated = await tx.task.update({ where: { id: task.id }, data, select: { version: true } });
    if (fields.length > 0) {
      await events.record(tx, [
        newEvent(TaskChanged, { userId, aggregateId: task.id, version: updated.version, payload: { fields } }),
      ]);
    }
  }
  if (applied.has("projectId")) {
    const { projectId } = targetOf(context, item);
    if (projectId !== task.projectId) {
      await moveTask({ db: tx, actorId: userId, input: { id: task.id, projectId }, events });
      changed = true;
    }
  }
  if (applied.has("completed") && item.checked && !task.completedAt) {
    await completeTask({ db: tx, actorId: userId, id: task.id, clock, events });
    result.completed += 1;
  } else if (applied.has("completed") && !item.checked && task.completedAt) {
    await reopenTask({ db: tx, actorId: userId, id: task.id, clock, events });
    changed = true;
  }
  if (changed) result.updated += 1;

  const after = localFieldsOf(await tx.task.findUniqueOrThrow({ where: { id: task.id }, select: linkedTaskSelect }));
  // What the pull did not write keeps its old agreed value, so a local change still shows to the push.
  const local = Object.fromEntries(
    (Object.keys(after) as (keyof LocalFields)[]).map((field) => [
      field,
      settled.has(field) ? after[field] : snapshot.local[field],
    ]),
  ) as LocalFields;
  await tx.todoistTaskLink.update({
    where: { connectionId_todoistId: { connectionId, todoistId: item.id } },
    data: {
      synced: { remote, local },
      remoteUpdatedAt: item.updated_at ? new Date(item.updated_at) : null,
      dirty: link.dirty || localWon,
      ...(dueFollows ? { unmappedReason: mapping.unmappedReason } : {}),
    },
  });
  return task.id;
}

/** Todoist's labels and the section; a section not named in this answer keeps the label the task has. */
function labelsOf(context: BatchContext, item: TodoistItem, mapped: ItemMapping["task"], task: LinkedTask): string[] {
  if (!item.section_id || context.sectionNames.has(item.section_id)) return mapped.labels;
  return [...mapped.labels, ...task.labels.filter((label) => label.startsWith(SECTION_LABEL_PREFIX))];
}
