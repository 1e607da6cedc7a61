import { type Control, type FieldPath, type FieldValues, useController } from "react-hook-form";

type FormCheckboxProps<Values extends FieldValues> = {
  // biome-ignore lint/suspicious/noExplicitAny: the transformed values do not matter to a field.
  control: Control<Values, unknown, any>;
  name: FieldPath<Values>;
  label: string;
};

/** A yes/no field: a checkbox inside its label, bound to a boolean form value. */
export function FormCheckbox<Values extends FieldValues>({ control, name, label }: FormCheckboxProps<Values>) {
  const { field } = useController({ control, name });
  return (
    <label className="flex items-center gap-2 text-sm text-slate-800">
      <input
        ref={field.ref}
        type="checkbox"
        className="h-4 w-4"
        name={field.name}
        checked={Boolean(field.value)}
        onBlur={field.onBlur}
        onChange={(event) => field.onChange(event.target.checked)}
      />
      {label}
    </label>
  );
}
