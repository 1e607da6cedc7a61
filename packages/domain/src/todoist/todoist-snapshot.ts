import { z } from "zod";
import type { TodoistItem } from "./api/todoist-objects.ts";

/**
 * What both sides last agreed on for one linked task (TodoistTaskLink.synced): Todoist's
 * fields as they were, and the local task's fields as they were, right after the last pull or
 * push. A field whose current value differs from its side's snapshot changed on that side
 * since; when both sides changed the same field, the later change wins (see FIELD_PAIRS).
 */
export const ZRemoteFields = z.object({
  content: z.string(),
  description: z.string(),
  priority: z.number().int(),
  due: z
    .object({
      date: z.string(),
      datetime: z.string().nullable(),
      timezone: z.string().nullable(),
      string: z.string(),
      is_recurring: z.boolean(),
    })
    .nullable(),
  deadline: z.string().nullable(),
  duration: z.object({ amount: z.number(), unit: z.enum(["minute", "day"]) }).nullable(),
  project_id: z.string(),
  section_id: z.string().nullable(),
  parent_id: z.string().nullable(),
  labels: z.array(z.string()),
  checked: z.boolean(),
});
export type RemoteFields = z.infer<typeof ZRemoteFields>;

export const ZLocalFields = z.object({
  summary: z.string(),
  description: z.string(),
  priority: z.number().int(),
  minutes: z.number().int(),
  /** ISO instants, or null. */
  startTime: z.string().nullable(),
  startAfter: z.string().nullable(),
  dueAt: z.string().nullable(),
  completed: z.boolean(),
  projectId: z.string().nullable(),
});
export type LocalFields = z.infer<typeof ZLocalFields>;

export const ZTodoistTaskSnapshot = z.object({ remote: ZRemoteFields, local: ZLocalFields });
export type TodoistTaskSnapshot = z.infer<typeof ZTodoistTaskSnapshot>;

/** The pairs of fields that mean the same thing on both sides: a conflict is named by its local name. */
export const FIELD_PAIRS = [
  { local: ["summary"], remote: ["content"] },
  { local: ["description"], remote: ["description"] },
  { local: ["priority"], remote: ["priority"] },
  { local: ["minutes"], remote: ["duration"] },
  { local: ["startTime", "startAfter", "dueAt"], remote: ["due", "deadline"] },
  { local: ["completed"], remote: ["checked"] },
  { local: ["projectId"], remote: ["project_id"] },
] as const satisfies readonly { local: readonly (keyof LocalFields)[]; remote: readonly (keyof RemoteFields)[] }[];

export function remoteFieldsOf(item: TodoistItem): RemoteFields {
  return {
    content: item.content,
    description: item.description,
    priority: item.priority,
    due: item.due
      ? {
          date: item.due.date,
          datetime: item.due.datetime ?? null,
          timezone: item.due.timezone ?? null,
          string: item.due.string,
          is_recurring: item.due.is_recurring,
        }
      : null,
    deadline: item.deadline?.date ?? null,
    duration: item.duration ? { amount: item.duration.amount, unit: item.duration.unit } : null,
    project_id: item.project_id,
    section_id: item.section_id ?? null,
    parent_id: item.parent_id ?? null,
    labels: [...item.labels],
    checked: item.checked,
  };
}

export type LocalTaskFields = {
  summary: string;
  description: string;
  priority: number;
  minutes: number;
  startTime: Date | null;
  startAfter: Date | null;
  dueAt: Date | null;
  completedAt: Date | null;
  projectId: string | null;
};

export function localFieldsOf(task: LocalTaskFields): LocalFields {
  return {
    summary: task.summary,
    description: task.description,
    priority: task.priority,
    minutes: task.minutes,
    startTime: task.startTime?.toISOString() ?? null,
    startAfter: task.startAfter?.toISOString() ?? null,
    dueAt: task.dueAt?.toISOString() ?? null,
    completed: task.completedAt !== null,
    projectId: task.projectId,
  };
}

/** The fields of one side whose values differ between two snapshots of it. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): (keyof T)[] {
  return (Object.keys(after) as (keyof T)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}
