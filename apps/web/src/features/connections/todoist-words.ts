import type { TodoistRunning, TodoistSyncResult } from "@agendacraft/domain/todoist/schemas";

/** "1 task", "3 tasks". */
export function countWords(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}

/** How far a run is, 0..1; null when it cannot say (no total yet). */
export function todoistProgressFraction({ done, total }: TodoistRunning): number | null {
  if (total <= 0) return null;
  return Math.min(1, Math.max(0, done / total));
}

type Counts = Pick<
  TodoistSyncResult,
  "projects" | "tasks" | "created" | "updated" | "completed" | "deleted" | "pushed"
>;

/**
 * What one run did, in one sentence: "Imported 200 tasks in 3 projects: 200 created, 0 updated,
 * 0 completed, 0 deleted; 0 changes sent to Todoist." A quiet incremental sync says so instead
 * of "Imported 0 tasks".
 */
export function todoistResultWords(result: Counts): string {
  const sent = `${countWords(result.pushed, "change")} sent to Todoist`;
  if (result.tasks === 0 && result.created + result.updated + result.completed + result.deleted === 0) {
    return `Nothing new in Todoist; ${sent}.`;
  }
  return (
    `Imported ${countWords(result.tasks, "task")} in ${countWords(result.projects, "project")}: ` +
    `${result.created} created, ${result.updated} updated, ${result.completed} completed, ${result.deleted} deleted; ${sent}.`
  );
}

/** Fields changed on both sides, said once with the rule that settled them. */
export function todoistConflictWords(conflicts: number): string | null {
  if (conflicts === 0) return null;
  return `${countWords(conflicts, "field")} changed on both sides since the last sync; the later change was kept.`;
}
