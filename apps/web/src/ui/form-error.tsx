import type { DescribedError } from "../errors/describe-error.ts";

/** The message of a failed submit, above the submit button; field errors are shown by each Field. */
export function FormError({ error }: { error: DescribedError | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {error.message}
    </p>
  );
}
