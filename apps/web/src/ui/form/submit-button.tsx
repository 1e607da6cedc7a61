import type { ReactNode } from "react";
import { type Control, type FieldValues, useFormState } from "react-hook-form";
import { buttonClass } from "../button.ts";

type SubmitButtonProps<Values extends FieldValues> = {
  // biome-ignore lint/suspicious/noExplicitAny: the transformed values do not matter to the button.
  control: Control<Values, unknown, any>;
  children: ReactNode;
  /** Shown while the submit runs ("Saving…"); the label stays when omitted. */
  pendingLabel?: ReactNode;
  /** Busy for reasons outside the form (another request on the same item). */
  busy?: boolean;
  variant?: keyof typeof buttonClass;
  className?: string;
};

/** The form's submit button: disabled, and saying so, while the submit is on its way. */
export function SubmitButton<Values extends FieldValues>({
  control,
  children,
  pendingLabel,
  busy = false,
  variant = "primary",
  className,
}: SubmitButtonProps<Values>) {
  const { isSubmitting } = useFormState({ control });
  const pending = isSubmitting || busy;
  return (
    <button type="submit" className={`${buttonClass[variant]} ${className ?? ""}`} disabled={pending}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
