import type { FormErrorMapping } from "../../ui/form/map-form-errors.ts";

/** The fields a task form may offer; each form uses those it shows. */
export type TaskFormField = "summary" | "description" | "minutes" | "priority" | "projectId" | "deadline" | "repeat";

/**
 * Where a task create/update's refusals go in any task form. The server names the input
 * (`dueAt`, `recurrence`) or the rule it applied; which control lets the person fix it is
 * the form's knowledge.
 */
export const TASK_FORM_MAPPING = {
  fields: { dueAt: "deadline", recurrence: "repeat" },
  codes: {
    // Task forms offer a deadline but no start time, so the deadline is what fixes this one.
    "scheduler.recurrence_needs_date": "deadline",
  },
} as const satisfies FormErrorMapping<TaskFormField>;
