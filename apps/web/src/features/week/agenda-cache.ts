import type { Agenda } from "./week-types.ts";

/**
 * The agenda with a (whole) task at its new time, as the calendar shows it right after a
 * drop. A task the person placed is theirs (pinned), so it is no longer a conflict.
 */
export function moveAgendaEntry(agenda: Agenda, taskId: string, start: Date, end: Date): Agenda {
  return {
    entries: agenda.entries.map((entry) =>
      entry.taskId === taskId && entry.partCount === 1 ? { ...entry, start, end, conflict: false } : entry,
    ),
  };
}

/** The agenda with every block of a task marked done, as the calendar shows it right after Complete. */
export function completeAgendaTask(agenda: Agenda, taskId: string): Agenda {
  return {
    entries: agenda.entries.map((entry) =>
      entry.taskId === taskId ? { ...entry, completed: true, conflict: false } : entry,
    ),
  };
}
