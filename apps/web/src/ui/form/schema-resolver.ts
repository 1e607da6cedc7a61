import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";
import type { DescribedError } from "../../errors/describe-error.ts";
import { type FormErrorMapping, mapFormErrors } from "./map-form-errors.ts";

/** Where a form-level message of the client's own check waits for <FormErrorMessage> (RHF drops `root` on submit). */
export const FORM_ERROR_KEY = "form";

/**
 * A schema fetched on first use, `() => import("@agendacraft/domain/iam/schemas").then((m) => m.ZSignUpInput)`:
 * for forms on the first screen, so zod and the rules' helpers are not part of the first download.
 */
export type SchemaLoader<Schema extends z.ZodType> = () => Promise<Schema>;

export type SchemaResolverOptions<Values extends FieldValues, Schema extends z.ZodType> = {
  /** The server's own input schema (from `@agendacraft/domain/<domain>/schemas`), or its loader. */
  schema: Schema | SchemaLoader<Schema>;
  /** The form's values (text as typed) as the procedure's input; what the schema checks and the submit receives. */
  toInput: (values: Values) => z.input<Schema>;
  /** Rules about the form itself that no input can express, such as an empty number box: field -> message. */
  check?: (values: Values) => Partial<Record<keyof Values & string, string>>;
  mapping?: FormErrorMapping;
};

/** The zod issues of a failed parse in the shape the server's answers take, so both go through one mapper. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): DescribedError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join(".");
    fieldErrors[path] = [...(fieldErrors[path] ?? []), issue.message];
  }
  return {
    kind: "validation",
    message: issues[0]?.message ?? "Check the highlighted fields.",
    code: null,
    fieldErrors,
  };
}

/**
 * A react-hook-form resolver that validates with the server's schema: the form's values become
 * the procedure's input, the schema checks it, and its issues land on the form's fields through
 * the same mapper as the server's answers. A valid form submits the input (not the parsed
 * output), so the server applies its own transforms exactly once more.
 */
export function schemaResolver<Values extends FieldValues, Schema extends z.ZodType>(
  options: SchemaResolverOptions<Values, Schema>,
): Resolver<Values, unknown, z.input<Schema>> {
  return async (values) => {
    const schema = typeof options.schema === "function" ? await options.schema() : options.schema;
    const fieldNames = Object.keys(values) as (keyof Values & string)[];
    const formProblems = Object.entries(options.check?.(values) ?? {}).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    );
    const input = options.toInput(values);
    const result = schema.safeParse(input);
    if (formProblems.length === 0 && result.success) return { values: input, errors: {} };

    const described = result.success ? null : describeIssues(result.error.issues);
    const mapped = described ? mapFormErrors(described, fieldNames, options.mapping) : { fields: {}, form: null };
    const messages: Partial<Record<string, string[]>> = { ...mapped.fields };
    // The form's own rule speaks first: "enter the minutes" says more than "expected a number".
    for (const [field, message] of formProblems) messages[field] = [message];

    const errors: Record<string, { type: string; message: string }> = {};
    for (const [field, list] of Object.entries(messages)) {
      if (list && list.length > 0) errors[field] = { type: "validation", message: list.join(" ") };
    }
    if (mapped.form) errors[FORM_ERROR_KEY] = { type: "validation", message: mapped.form.message };
    return { values: {}, errors: errors as FieldErrors<Values> };
  };
}
