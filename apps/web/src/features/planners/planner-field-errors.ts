import type { DescribedError } from "../../errors/describe-error.ts";

/** The planner form's fields that can show a message of their own. */
export type PlannerField = "name" | "recurrence" | "startDate" | "startTime" | "duration" | "timeZone";

/**
 * Server field names (of `planners.create`/`update` and of `recurrence.preview`) onto the
 * form's fields: the preview calls the rule `rule` or `preset.*` and the start `start`.
 */
function fieldFor(serverField: string): PlannerField | null {
  if (serverField === "name") return "name";
  if (serverField === "recurrence" || serverField === "rule" || serverField.startsWith("preset")) return "recurrence";
  if (serverField === "startDate" || serverField === "start") return "startDate";
  if (serverField === "startTime") return "startTime";
  if (serverField === "minutes") return "duration";
  if (serverField === "timeZone") return "timeZone";
  return null;
}

export type PlannerErrors = { fields: Partial<Record<PlannerField, string[]>>; form: string | null };

/** The messages of a failed preview or save, each at its field; what belongs to none goes above the button. */
export function plannerErrors(error: DescribedError | null): PlannerErrors {
  const fields: PlannerErrors["fields"] = {};
  if (!error) return { fields, form: null };
  let placed = false;
  for (const [serverField, messages] of Object.entries(error.fieldErrors)) {
    const field = fieldFor(serverField);
    if (!field) continue;
    fields[field] = [...(fields[field] ?? []), ...messages];
    placed = true;
  }
  return { fields, form: placed ? null : error.message };
}
