import type { FormEvent } from "react";
import { type DefaultValues, type FieldValues, type Path, type UseFormReturn, useForm } from "react-hook-form";
import type { z } from "zod";
import { type DescribedError, describeError } from "../../errors/describe-error.ts";
import { mapFormErrors } from "./map-form-errors.ts";
import { type SchemaResolverOptions, schemaResolver } from "./schema-resolver.ts";

/** The form-level message the server's answer left, read by <FormErrorMessage>. */
export const SERVER_ERROR_KEY = "root.server";

export type SchemaFormOptions<Values extends FieldValues, Schema extends z.ZodType> = SchemaResolverOptions<
  Values,
  Schema
> & {
  defaultValues: Values;
  /** Sends the checked input; a throw is the server's refusal, shown at the fields or above the button. */
  onSubmit: (input: z.input<Schema>, form: UseFormReturn<Values, unknown, z.input<Schema>>) => Promise<unknown>;
};

export type SchemaForm<Values extends FieldValues, Schema extends z.ZodType> = UseFormReturn<
  Values,
  unknown,
  z.input<Schema>
> & {
  /** For <form onSubmit>: checks with the schema, then calls onSubmit. */
  submit: (event?: FormEvent) => void;
  /** Shows a refusal (a thrown error or one already described) at its fields, focusing the first. */
  showError: (error: unknown) => void;
};

/**
 * A react-hook-form form checked with the server's zod schema before any request, whose
 * submit shows the server's refusal through the same mapping. Errors show after the first
 * submit and are re-checked as the person fixes each field.
 */
export function useSchemaForm<Values extends FieldValues, Schema extends z.ZodType>(
  options: SchemaFormOptions<Values, Schema>,
): SchemaForm<Values, Schema> {
  const form = useForm<Values, unknown, z.input<Schema>>({
    defaultValues: options.defaultValues as DefaultValues<Values>,
    resolver: schemaResolver(options),
    mode: "onSubmit",
    reValidateMode: "onChange",
    shouldFocusError: true,
  });
  const fieldNames = Object.keys(options.defaultValues) as (keyof Values & string)[];

  const showError = (error: unknown) => {
    const described: DescribedError = isDescribed(error) ? error : describeError(error);
    const mapped = mapFormErrors(described, fieldNames, options.mapping);
    let first = true;
    for (const name of fieldNames) {
      const messages = mapped.fields[name];
      if (!messages || messages.length === 0) continue;
      form.setError(name as Path<Values>, { type: "server", message: messages.join(" ") }, { shouldFocus: first });
      first = false;
    }
    if (mapped.form) form.setError(SERVER_ERROR_KEY, { type: described.kind, message: mapped.form.message });
  };

  const submit = (event?: FormEvent) => {
    void form.handleSubmit(async (input) => {
      try {
        await options.onSubmit(input, form);
      } catch (error) {
        showError(error);
      }
    })(event);
  };

  return { ...form, submit, showError };
}

function isDescribed(error: unknown): error is DescribedError {
  return (
    typeof error === "object" &&
    error !== null &&
    "kind" in error &&
    "fieldErrors" in error &&
    typeof (error as { message?: unknown }).message === "string"
  );
}
