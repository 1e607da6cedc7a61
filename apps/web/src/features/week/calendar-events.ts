import type { EventInput } from "@fullcalendar/core";
import { projectBlockColors } from "./block-colors.ts";
import type { AgendaEntry, BusyEvent, PlannerWindow } from "./week-types.ts";

/** What the calendar needs to hand a moved event back to the server. */
export type TaskEventProps = { kind: "task"; taskId: string; hint: string; movable: boolean };

/** What a task block shows besides its title and time (see task-block.tsx). */
export type TaskBlockProps = {
  projectName: string | null;
  priority: number;
  done: boolean;
  conflict: boolean;
  /** AgendaCraft wrote it into the person's Google calendar. */
  inGoogle: boolean;
};

/** The projects a week's blocks are coloured and named by. */
export type ProjectLook = { name: string; color: string };
export type ProjectLooks = ReadonlyMap<string, ProjectLook>;

/**
 * Colours as inline styles: FullCalendar's own CSS would win over utility classes. Open
 * tasks take their project's colour (projectBlockColors); parts of a split task add a
 * dashed edge (styles.css), so colour is never the only sign.
 */
const COLORS = {
  done: { backgroundColor: "#e2e8f0", borderColor: "#cbd5e1", textColor: "#475569" },
  window: "#a5b4fc",
  busy: { backgroundColor: "#fef3c7", borderColor: "#d97706", textColor: "#78350f" },
} as const;

export const MOVE_HINT = "Click for details; drag to move it; drag its bottom edge to change how long it takes.";
export const BUSY_HINT = "Busy in your calendar. Plans go around it; change it in the calendar itself.";
export const CONFLICT_HINT =
  "A calendar event now overlaps this planned task. The next plan moves it; or drag it to another time.";
export const DONE_HINT = "Done. Reopen the task to move it.";
/** Added to a block's hint when the task is also an event in the person's Google calendar. */
export const IN_GOOGLE_HINT = "It is in your Google Calendar too: moving it there moves it here after the next sync.";
export const PART_HINT =
  "A part of a task the planner split. Parts stay where the plan put them; undo the plan to place the task again.";

export const OCCURRENCE_HINT =
  "Time a plan kept for a later occurrence of this repeating task; that occurrence takes it once the earlier ones are done. Undo the plan to free it.";

/** "Write the chapter (part 1/3)"; a task placed whole, or a later occurrence, keeps its summary. */
export function entryTitle(entry: AgendaEntry): string {
  return entry.partCount > 1 ? `${entry.summary} (part ${entry.part}/${entry.partCount})` : entry.summary;
}

/**
 * A task block, in its project's colour. Only a whole, open task can be dragged or resized:
 * a part's time belongs to the plan that split it, and moving a done task would change history.
 */
export function taskEvent(entry: AgendaEntry, projects: ProjectLooks = new Map()): EventInput {
  const split = entry.partCount > 1;
  // A later occurrence's block is the series' reserved time, not the task's own: it stays put.
  const occurrence = entry.occurrenceIndex !== undefined;
  const movable = !split && !occurrence && !entry.completed;
  const conflict = entry.conflict && !entry.completed;
  const why = entry.completed
    ? DONE_HINT
    : conflict
      ? CONFLICT_HINT
      : occurrence
        ? OCCURRENCE_HINT
        : split
          ? PART_HINT
          : MOVE_HINT;
  const hint = entry.syncedToGoogle ? `${why} ${IN_GOOGLE_HINT}` : why;
  const project = entry.projectId ? projects.get(entry.projectId) : undefined;
  const extendedProps: TaskEventProps & TaskBlockProps = {
    kind: "task",
    taskId: entry.taskId,
    hint,
    movable,
    projectName: project?.name ?? null,
    priority: entry.priority,
    done: entry.completed,
    conflict,
    inGoogle: entry.syncedToGoogle,
  };
  return {
    id: occurrence ? `${entry.taskId}#${entry.occurrenceIndex}` : `${entry.taskId}:${entry.part}`,
    title: entryTitle(entry),
    start: entry.start,
    end: entry.end,
    editable: movable,
    ...(entry.completed ? COLORS.done : projectBlockColors(project?.color ?? null)),
    classNames: [
      entry.completed ? "agenda-done" : split || occurrence ? "agenda-part" : "agenda-task",
      ...(conflict ? ["agenda-conflict"] : []),
    ],
    extendedProps,
  };
}

/** A planner window: shaded time the planner may fill, behind the tasks. */
export function windowEvent(window: PlannerWindow, index: number): EventInput {
  return {
    id: `window:${window.plannerId}:${index}`,
    start: window.start,
    end: window.end,
    display: "background",
    backgroundColor: COLORS.window,
    classNames: ["planner-window"],
  };
}

/** An event from one of the person's calendars: shown, never moved here (it belongs to that calendar). */
export function busyEvent(event: BusyEvent): EventInput {
  return {
    id: `busy:${event.id}`,
    title: event.summary || "Busy",
    start: event.start,
    end: event.end,
    editable: false,
    ...COLORS.busy,
    classNames: ["busy-event"],
    extendedProps: { kind: "busy", hint: BUSY_HINT },
  };
}

export function toCalendarEvents(
  entries: AgendaEntry[],
  windows: PlannerWindow[],
  busy: BusyEvent[] = [],
  projects: ProjectLooks = new Map(),
): EventInput[] {
  return [...windows.map(windowEvent), ...busy.map(busyEvent), ...entries.map((entry) => taskEvent(entry, projects))];
}

/** Reads back what `taskEvent` put on an event; null for anything else (a planner window). */
export function taskEventProps(extendedProps: Record<string, unknown>): TaskEventProps | null {
  const { kind, taskId, hint, movable } = extendedProps;
  if (kind !== "task" || typeof taskId !== "string") return null;
  return { kind, taskId, hint: typeof hint === "string" ? hint : "", movable: movable === true };
}

/** Reads back what a task block shows besides title and time; null for anything else. */
export function taskBlockProps(extendedProps: Record<string, unknown>): TaskBlockProps | null {
  if (!taskEventProps(extendedProps)) return null;
  const { projectName, priority, done, conflict, inGoogle } = extendedProps;
  return {
    projectName: typeof projectName === "string" ? projectName : null,
    priority: typeof priority === "number" ? priority : 0,
    done: done === true,
    conflict: conflict === true,
    inGoogle: inGoogle === true,
  };
}
