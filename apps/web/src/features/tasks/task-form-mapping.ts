import type { FormErrorMapping } from "../../ui/form/map-form-errors.ts";

/** The fields a task form may offer; each form uses those it shows. */
export type TaskFormField =
  | "summary"
  | "description"
  | "minutes"
  | "priority"
  | "projectId"
  | "deadline"
  | "start"
  | "startAfter"
  | "repeat"
  | "labels";

/**
 * Where a task create/update's refusals go in any task form. The server names the input
 * (`dueAt`, `startTime`, `recurrence`) or the rule it applied; which control lets the person
 * fix it is the form's knowledge. A form without a field for a target shows the message
 * above its submit button instead.
 */
export const TASK_FORM_MAPPING = {
  fields: { dueAt: "deadline", startTime: "start", endTime: "start", startAfter: "startAfter", recurrence: "repeat" },
  codes: {
    // A repeating series starts at its deadline or its start; forms always offer the deadline.
    "scheduler.recurrence_needs_date": "deadline",
    "scheduler.start_in_past": "start",
  },
} as const satisfies FormErrorMapping<TaskFormField>;
