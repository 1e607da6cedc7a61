import { type Control, type FieldValues, useFormState } from "react-hook-form";
import { FORM_ERROR_KEY } from "./schema-resolver.ts";

type FormErrorMessageProps<Values extends FieldValues> = {
  // biome-ignore lint/suspicious/noExplicitAny: the transformed values do not matter here.
  control: Control<Values, unknown, any>;
};

/**
 * What the form's check or the server refused that no field can show, above the submit
 * button; field messages are shown by each FormField.
 */
export function FormErrorMessage<Values extends FieldValues>({ control }: FormErrorMessageProps<Values>) {
  const { errors } = useFormState({ control });
  const formError = (errors as Record<string, { message?: unknown } | undefined>)[FORM_ERROR_KEY];
  const message = errors.root?.server?.message ?? (typeof formError?.message === "string" ? formError.message : null);
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
    </p>
  );
}
