import { DateTime } from "luxon";
import type { PlanChange, UndoPlanResult } from "./week-types.ts";

/** "Tue 3 Mar 09:00–10:00", or "Tue 3 Mar 23:00 – Wed 4 Mar 01:00" across midnight. */
export function formatSpan(start: Date, end: Date, timeZone: string): string {
  const from = DateTime.fromJSDate(start, { zone: timeZone });
  const to = DateTime.fromJSDate(end, { zone: timeZone });
  if (from.hasSame(to, "day")) return `${from.toFormat("ccc d LLL HH:mm")}–${to.toFormat("HH:mm")}`;
  return `${from.toFormat("ccc d LLL HH:mm")} – ${to.toFormat("ccc d LLL HH:mm")}`;
}

export type DescribedChange = {
  /** Unique within a plan: the task's id, with the occurrence for a later occurrence of a repeating task. */
  key: string;
  taskId: string;
  summary: string;
  /** Where the task was: a time, or "unscheduled". */
  before: string;
  /** Where the plan puts it: a time, or "3 parts" when it is split (the parts follow). */
  after: string;
  parts: string[];
  explanation: string;
};

/** One row of the plan preview: "summary: old time → new time", with the parts of a split task. */
export function describeChange(change: PlanChange, timeZone: string): DescribedChange {
  const before =
    change.oldStart && change.oldEnd ? formatSpan(change.oldStart, change.oldEnd, timeZone) : "unscheduled";
  const parts = (change.parts ?? []).map(
    (part, index) => `Part ${index + 1}: ${formatSpan(part.start, part.end, timeZone)}`,
  );
  const after = parts.length > 1 ? `${parts.length} parts` : formatSpan(change.newStart, change.newEnd, timeZone);
  const key = change.occurrence ? `${change.taskId}#${change.occurrence.index}` : change.taskId;
  return { key, taskId: change.taskId, summary: change.summary, before, after, parts, explanation: change.explanation };
}

/** "Planned 1 task", "Planned 3 tasks", "Nothing was planned". */
export function plannedMessage(count: number): string {
  if (count === 0) return "Nothing was planned";
  return `Planned ${count} ${count === 1 ? "task" : "tasks"}`;
}

/** Why undo left a task where it is, in the person's words. */
const KEPT_BECAUSE = {
  moved_since: "moved by hand after the plan",
  completed_since: "completed since",
  edited_since: "edited since",
} as const;

/** What an undo did, and which tasks it left alone and why (the person changed them since). */
export function undoMessages(result: UndoPlanResult): { done: string; skipped: string | null } {
  const done =
    result.restored === 0
      ? "Plan undone: no task was put back"
      : result.restored === 1
        ? "Plan undone: 1 task is back where it was"
        : `Plan undone: ${result.restored} tasks are back where they were`;
  if (result.skipped.length === 0) return { done, skipped: null };
  const names = result.skipped.map((task) =>
    task.reason === "deleted" ? "a task deleted since" : `“${task.summary}” (${KEPT_BECAUSE[task.reason]})`,
  );
  return { done, skipped: `Left as they are: ${names.join(", ")}` };
}
