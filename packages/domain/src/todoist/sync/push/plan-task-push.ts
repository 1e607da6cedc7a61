import {
  changedFields,
  type LocalFields,
  type LocalTaskFields,
  localFieldsOf,
  type RemoteFields,
  type TodoistTaskSnapshot,
} from "../../todoist-snapshot.ts";
import { localDate, todoistUtc } from "./local-date.ts";
import { todoistPriorityOf } from "./todoist-priority.ts";

/** A linked local task as the push reads it. */
export type PushTask = LocalTaskFields & {
  id: string;
  /** The planner's last placement: a start equal to it was not chosen by the person. */
  plannedStart: Date | null;
  recurrence: string | null;
  /** The occurrence created when this one was completed (tasks.previousId = this id). */
  next: (LocalTaskFields & { id: string }) | null;
};

export type PlannedCommand = { type: string; args: Record<string, unknown> };

export type TaskPushPlan = {
  commands: PlannedCommand[];
  /** The agreement once Todoist applied the commands. */
  remote: RemoteFields;
  local: LocalFields;
  nextTaskId: string | null;
  /** Local changes Todoist cannot take, in words (the run's notes). */
  notes: string[];
};

type Due = NonNullable<RemoteFields["due"]>;

/**
 * The commands that carry a linked task's local changes (the task against snapshot.local)
 * to Todoist, and the snapshot both sides agree on once they are applied. Only fields whose
 * local value changed are considered, and only values Todoist does not already hold are sent.
 */
export function planTaskPush({
  todoistId,
  snapshot,
  task,
  timeZone,
  todoistProjectOf,
}: {
  todoistId: string;
  snapshot: TodoistTaskSnapshot;
  task: PushTask;
  /** The person's zone (users.timeZone): local days of dates are taken there. */
  timeZone: string;
  /** The Todoist project id linked to a local project (null: the inbox), or null when it is not from Todoist. */
  todoistProjectOf: (projectId: string | null) => string | null;
}): TaskPushPlan {
  const local = localFieldsOf(task);
  const changed = new Set(changedFields(snapshot.local, local));
  const remote: RemoteFields = structuredClone(snapshot.remote);
  const update: Record<string, unknown> = {};
  const set = <K extends keyof RemoteFields>(key: K, value: RemoteFields[K], arg: unknown = value) => {
    if (sameRemoteValue(key, remote[key], value)) return;
    remote[key] = value;
    update[key] = arg;
  };

  if (changed.has("summary")) set("content", task.summary);
  if (changed.has("description")) set("description", task.description);
  if (changed.has("priority")) set("priority", todoistPriorityOf(task.priority));
  if (changed.has("minutes")) set("duration", { amount: task.minutes, unit: "minute" });

  const recurring = snapshot.remote.due?.is_recurring === true || task.recurrence !== null;
  // Todoist owns a recurring task's series (its next due comes from Todoist's own rule when
  // it is completed there or here): moving one occurrence's date here is not pushed.
  if (!recurring) planDates({ snapshot, task, changed, timeZone, set });

  const commands: PlannedCommand[] = [];
  const notes: string[] = [];
  let nextTaskId: string | null = null;
  let agreedLocal = local;
  const reopened = changed.has("completed") && !local.completed;
  // Todoist cannot reopen one occurrence of a recurring task (it never closed: its due moved on).
  if (reopened && !recurring) {
    commands.push({ type: "item_reopen", args: { id: todoistId } });
    remote.checked = false;
  }
  if (Object.keys(update).length > 0) commands.push({ type: "item_update", args: { id: todoistId, ...update } });
  if (changed.has("projectId")) {
    const target = todoistProjectOf(task.projectId);
    // A project that did not come from Todoist has no Todoist twin: the item stays where it is.
    if (target === null)
      notes.push("Moved here to a project that is not in Todoist: in Todoist it stays in its project.");
    else if (target !== remote.project_id) {
      commands.push({ type: "item_move", args: { id: todoistId, project_id: target } });
      remote.project_id = target;
      remote.section_id = null;
    }
  }
  if (changed.has("completed") && local.completed) {
    commands.push({ type: "item_close", args: { id: todoistId } });
    if (recurring) {
      // Todoist moves the same item's due to its next occurrence and leaves it open. The link
      // follows the local series; remote.due stays as it was so the next pull applies
      // Todoist's new due to that occurrence instead of taking it for a local change.
      if (task.next) {
        nextTaskId = task.next.id;
        // As it was created (open): should it be completed too before this push lands, that
        // completion is a change of its own, pushed next (see settlePushAnswers).
        agreedLocal = { ...localFieldsOf(task.next), completed: false };
      }
    } else {
      remote.checked = true;
    }
  }
  return { commands, remote, local: agreedLocal, nextTaskId, notes };
}

function planDates({
  snapshot,
  task,
  changed,
  timeZone,
  set,
}: {
  snapshot: TodoistTaskSnapshot;
  task: PushTask;
  changed: Set<keyof LocalFields>;
  timeZone: string;
  set: <K extends keyof RemoteFields>(key: K, value: RemoteFields[K], arg?: unknown) => void;
}) {
  const before = snapshot.remote;
  const dayOf = (instant: Date) => localDate(instant, timeZone);
  // A due date's end of day is stored as its last moment or as the next midnight: either is that day.
  const dueDayOf = (instant: Date) => dayOf(new Date(instant.getTime() - 1));
  const dayDue = (day: string | null) =>
    set("due", day === null ? null : dateOnlyDue(day), day === null ? null : { date: day });

  // Only a start the person chose is pushed: the planner's placements (startTime ===
  // plannedStart) would otherwise rewrite the person's Todoist dates every time it re-plans.
  const pinned = task.startTime !== null && task.startTime.getTime() !== task.plannedStart?.getTime();
  let timed = before.due?.datetime != null;
  if (changed.has("startTime") && pinned && task.startTime) {
    const datetime = todoistUtc(task.startTime);
    set(
      "due",
      { date: dayOf(task.startTime), datetime, timezone: timeZone, string: dayOf(task.startTime), is_recurring: false },
      { datetime, timezone: timeZone },
    );
    timed = true;
  }
  // The person took the task off its Todoist time (it was Todoist's, not the planner's: no
  // plannedStart): the item loses its due too, or the next pull would put the time back.
  const startFromTodoist = snapshot.local.startTime !== null && task.plannedStart === null;
  if (changed.has("startTime") && task.startTime === null && timed && startFromTodoist) {
    set("due", null);
    timed = false;
    return;
  }
  const dateOnly = before.due !== null && !timed;
  if (changed.has("dueAt")) {
    if (dateOnly && before.deadline === null) {
      // The pull reads a date-only due as "plan on that day" (startAfter = its start, dueAt = its end).
      dayDue(task.dueAt ? dueDayOf(task.dueAt) : task.startAfter ? dayOf(task.startAfter) : null);
    } else {
      // Todoist's deadline is the "must be done by" date; a timed due (or none) stays as it is.
      const deadline = task.dueAt ? dueDayOf(task.dueAt) : null;
      set("deadline", deadline, deadline === null ? null : { date: deadline });
    }
  } else if (changed.has("startAfter") && dateOnly) {
    dayDue(task.startAfter ? dayOf(task.startAfter) : task.dueAt ? dueDayOf(task.dueAt) : null);
  }
}

/** What Todoist answers for `due: { date }` (its `string` is then the date as it writes it). */
function dateOnlyDue(day: string): Due {
  return { date: day, datetime: null, timezone: null, string: day, is_recurring: false };
}

/** Dues are the same when they name the same moment: Todoist rewrites `string` in its own words. */
function sameRemoteValue(key: keyof RemoteFields, a: unknown, b: unknown): boolean {
  if (key === "due" && a && b) {
    const [x, y] = [a as Due, b as Due];
    const instant = (value: string | null) => (value === null ? null : Date.parse(value));
    return x.date === y.date && instant(x.datetime) === instant(y.datetime);
  }
  return JSON.stringify(a) === JSON.stringify(b);
}
