import type { ReactNode } from "react";
import {
  type Control,
  type FieldPath,
  type FieldValues,
  type PathValue,
  type RefCallBack,
  useController,
} from "react-hook-form";
import { Field } from "../field.tsx";

/** What a control needs to be bound to its form field and tied to its label, hint and error. */
export type BoundControl<Value> = {
  id: string;
  name: string;
  value: Value;
  onChange: (eventOrValue: unknown) => void;
  onBlur: () => void;
  /** The element the form focuses when this is the first invalid field. */
  ref: RefCallBack;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
};

type FormFieldProps<Values extends FieldValues, Name extends FieldPath<Values>> = {
  // biome-ignore lint/suspicious/noExplicitAny: the transformed values do not matter to a field.
  control: Control<Values, unknown, any>;
  name: Name;
  label: string;
  hint?: string | undefined;
  className?: string;
  /** Messages from outside the form (a live server preview), shown with the field's own. */
  moreErrors?: string[] | undefined;
  children: (control: BoundControl<PathValue<Values, Name>>) => ReactNode;
};

/**
 * A labelled control bound to one form field: its value, its error under it (aria-invalid,
 * aria-describedby), and the ref the form focuses when the field is the first invalid one.
 */
export function FormField<Values extends FieldValues, Name extends FieldPath<Values>>({
  control,
  name,
  label,
  hint,
  className,
  moreErrors,
  children,
}: FormFieldProps<Values, Name>) {
  const { field, fieldState } = useController({ control, name });
  const errors = [...(fieldState.error?.message ? [fieldState.error.message] : []), ...(moreErrors ?? [])];
  return (
    <Field label={label} {...(hint ? { hint } : {})} errors={errors} {...(className ? { className } : {})}>
      {(aria) => children({ ...aria, ...field, onChange: field.onChange })}
    </Field>
  );
}
