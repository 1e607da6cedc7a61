import { z } from "zod";

/**
 * What can happen to a task, as stable codes: clients build the sentence a person reads
 * from the code and its detail, so a code never changes meaning once shipped.
 */
export const TASK_HISTORY_KINDS = [
  "created",
  "completed",
  "reopened",
  /** A plan run gave the task a time. */
  "planned",
  /** Undoing a plan run put the task back where it was. */
  "plan_undone",
  /** The person moved or resized the task's event in Google Calendar: the task followed and is pinned. */
  "moved_in_google",
  /** The person deleted the task's event in Google Calendar: the task has no time any more. */
  "unscheduled_in_google",
  /** The person renamed the task's event in Google Calendar: the task took the new title. */
  "renamed_in_google",
  /** A change made in Google Calendar was older than the task's change in AgendaCraft: Google's edit was replaced. */
  "google_change_ignored",
] as const;
export const ZTaskHistoryKind = z.enum(TASK_HISTORY_KINDS);
export type TaskHistoryKind = z.infer<typeof ZTaskHistoryKind>;

/** A stretch of time, as ISO 8601 instants (the detail is JSON). */
export const ZTaskHistorySpan = z.object({ start: z.iso.datetime(), end: z.iso.datetime() });
export type TaskHistorySpan = z.infer<typeof ZTaskHistorySpan>;

/** Facts the sentence needs; which ones are present depends on the kind. */
export const ZTaskHistoryDetail = z.object({
  /** Where the task was before (null: it had no time). */
  from: ZTaskHistorySpan.nullable().optional(),
  /** Where the task is after (null: it has no time). */
  to: ZTaskHistorySpan.nullable().optional(),
  /** google_change_ignored: what the person did in Google, and where Google had the event (null: deleted). */
  change: z.enum(["moved", "deleted", "renamed"]).optional(),
  /** renamed_in_google (and a rename ignored): the title before and the title Google had. */
  fromSummary: z.string().optional(),
  toSummary: z.string().optional(),
  google: ZTaskHistorySpan.nullable().optional(),
  /** Present when both sides had changed the task: whose later change won. */
  winner: z.enum(["google", "agendacraft"]).optional(),
  /** planned, plan_undone: the plan run. */
  runId: z.uuid().optional(),
});
export type TaskHistoryDetail = z.infer<typeof ZTaskHistoryDetail>;

export const ZTaskHistoryEntry = z.object({
  id: z.uuid(),
  kind: ZTaskHistoryKind,
  at: z.date(),
  detail: ZTaskHistoryDetail,
});
export type TaskHistoryEntryDto = z.infer<typeof ZTaskHistoryEntry>;

export const ZTaskHistoryInput = z.object({
  taskId: z.uuid(),
  /** The previous page's nextCursor. */
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(20),
});
export type TaskHistoryInput = z.input<typeof ZTaskHistoryInput>;

/** Newest first. */
export const ZTaskHistoryPage = z.object({ items: z.array(ZTaskHistoryEntry), nextCursor: z.uuid().nullable() });
export type TaskHistoryPageDto = z.infer<typeof ZTaskHistoryPage>;
