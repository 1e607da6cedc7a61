import { ZCreatePlannerInput } from "@agendacraft/domain/scheduler/planners/schemas";
import type { FormErrorMapping } from "../../ui/form/map-form-errors.ts";

/**
 * What the form checks before saving: the server's planner input, except that a preset's rule
 * is only known once the server has spelled it (on submit); a custom rule is checked as typed.
 */
export const ZPlannerFormInput = ZCreatePlannerInput.partial({ recurrence: true });

/**
 * Server field names (of `planners.create`/`update` and of `recurrence.preview`) onto the
 * form's fields: the preview calls the rule `rule` or `preset.*` and the start `start`; the
 * total `minutes` is shown at the duration, whose first box is `hours`.
 */
export const PLANNER_FORM_MAPPING = {
  fields: { recurrence: "repeat", rule: "repeat", preset: "repeat", start: "startDate", minutes: "hours" },
} as const satisfies FormErrorMapping;
