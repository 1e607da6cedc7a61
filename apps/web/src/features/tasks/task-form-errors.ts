import { type DescribedError, describeError } from "../../errors/describe-error.ts";

export type TaskFormErrors = {
  /** Messages per input name (`summary`, `minutes`, `dueAt`, ...), shown under each field. */
  fieldErrors: Record<string, string[]>;
  /** What no field of this form can show, for <FormError>; null when every message has a field. */
  formError: DescribedError | null;
};

/**
 * Domain refusals that concern one field of a task form. The server names the rule it
 * applied; which control lets the person fix it is the form's knowledge.
 */
const FIELD_OF_DOMAIN_CODE: Record<string, string> = {
  // Task forms offer a deadline but no start time, so the deadline is what fixes this one.
  "scheduler.recurrence_needs_date": "dueAt",
};

/** Splits a failed task create/update into messages under the given fields and the rest. */
export function taskFormErrors(error: unknown, fields: readonly string[]): TaskFormErrors {
  const described = describeError(error);
  const fieldErrors: Record<string, string[]> = { ...described.fieldErrors };
  const domainField = described.code ? FIELD_OF_DOMAIN_CODE[described.code] : undefined;
  if (domainField) fieldErrors[domainField] = [...(fieldErrors[domainField] ?? []), described.message];
  const shown = Object.keys(fieldErrors).some((name) => fields.includes(name));
  return { fieldErrors, formError: shown ? null : described };
}
