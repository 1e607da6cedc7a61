import type { DescribedError } from "../../errors/describe-error.ts";

/**
 * Where a form shows what its schema or the server refused. Input paths that are a field's own
 * name need no entry; the rest say which control lets the person fix them. A mapping may be
 * shared by forms that show fewer fields (every task form): a target the form lacks is ignored.
 */
export type FormErrorMapping<Field extends string = string> = {
  /** Input paths (dotted, or their first segment) onto the form's fields: `{ dueAt: "deadline" }`. */
  fields?: Partial<Record<string, Field>>;
  /** Domain codes that are about one field: `{ "common.already_exists": "name" }`. */
  codes?: Partial<Record<string, Field>>;
};

export type MappedFormErrors<Field extends string> = {
  /** Messages under each field, in the order the form lists its fields. */
  fields: Partial<Record<Field, string[]>>;
  /** What no field of the form can show (for the form-level error); null when every message has a field. */
  form: DescribedError | null;
};

/**
 * The one way a refusal reaches a form, for the client's own zod check and for the server's
 * answer alike (zod field errors by path, domain errors by code): each message under the
 * field that can fix it, anything else above the submit button.
 */
export function mapFormErrors<Field extends string>(
  error: DescribedError,
  fieldNames: readonly Field[],
  mapping: FormErrorMapping = {},
): MappedFormErrors<Field> {
  const known = (name: string | undefined): Field | undefined => fieldNames.find((field) => field === name);
  const fields: Partial<Record<Field, string[]>> = {};
  const add = (field: Field, messages: string[]) => {
    fields[field] = [...(fields[field] ?? []), ...messages];
  };
  const fieldFor = (path: string): Field | undefined => {
    const head = path.split(".")[0] ?? path;
    const mapped = mapping.fields?.[path] ?? mapping.fields?.[head];
    if (mapped) return known(mapped);
    return known(path) ?? known(head);
  };
  const unplaced: string[] = [];
  for (const [path, messages] of Object.entries(error.fieldErrors)) {
    const field = fieldFor(path);
    if (field) add(field, messages);
    else unplaced.push(...messages);
  }
  const codeField = error.code ? known(mapping.codes?.[error.code]) : undefined;
  if (codeField) add(codeField, [error.message]);
  if (Object.keys(fields).length === 0) return { fields, form: error };
  // Some messages found a field, others did not: the others still need saying.
  return { fields, form: unplaced.length > 0 ? { ...error, message: unplaced.join(" ") } : null };
}
