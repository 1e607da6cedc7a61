import type { DescribedError } from "../../errors/describe-error.ts";

/**
 * The messages to show at a name field: the server's validation messages for it, or a
 * conflict (`common.already_exists`), which is always about the name in these forms.
 */
export function nameErrors(error: DescribedError | null, field = "name"): string[] | undefined {
  if (!error) return undefined;
  if (error.code === "common.already_exists") return [error.message];
  return error.fieldErrors[field];
}

/** Whether some field shows the error, so it need not be repeated above the submit button. */
export function isShownAtAField(error: DescribedError | null, fields: string[]): boolean {
  if (!error) return false;
  if (error.code === "common.already_exists") return true;
  return fields.some((field) => (error.fieldErrors[field]?.length ?? 0) > 0);
}
