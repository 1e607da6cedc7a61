import type { TodoistSyncResult } from "@agendacraft/domain/todoist/schemas";

const row = (label: string, value: string | number) => `  ${label.padEnd(11)} ${value}`;

/**
 * What an import or sync did, for the terminal: the counts, then each conflict, unmapped repeat
 * (its due string as Todoist wrote it, and why) and note, so nothing is left out silently.
 */
export function formatTodoistSummary(result: TodoistSyncResult): string[] {
  const lines = [
    `Todoist sync finished: ${result.tasks} ${result.tasks === 1 ? "task" : "tasks"} in ${result.projects} ${result.projects === 1 ? "project" : "projects"}`,
    row("Created", result.created),
    row("Updated", result.updated),
    row("Completed", result.completed),
    row("Deleted", result.deleted),
    row("Pushed", `${result.pushed} ${result.pushed === 1 ? "change" : "changes"} sent to Todoist`),
    row("Conflicts", result.conflicts.length === 0 ? "none" : `${result.conflicts.length} (the later change was kept)`),
  ];
  for (const conflict of result.conflicts) {
    const kept = conflict.winner === "todoist" ? "Todoist's" : "AgendaCraft's";
    lines.push(`    ${conflict.field} of Todoist task ${conflict.todoistId}: ${kept} change kept`);
  }
  lines.push(
    row("Unmapped", result.unmapped.length === 0 ? "none" : `${result.unmapped.length} (not planned as repeats)`),
  );
  for (const item of result.unmapped) {
    lines.push(`    "${item.text}": ${item.reason}${item.taskId ? ` (task ${item.taskId})` : ""}`);
  }
  if (result.notes.length > 0) {
    lines.push(row("Notes", result.notes.length));
    for (const note of result.notes) lines.push(`    ${note.note}`);
  }
  return lines;
}
