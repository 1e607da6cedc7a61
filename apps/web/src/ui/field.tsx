import { type ReactNode, useId } from "react";

type FieldProps = {
  label: string;
  /** Messages for this field, e.g. `describeError(error).fieldErrors.summary`. */
  errors?: string[] | undefined;
  hint?: string;
  /** Renders the control with the ids it must use for its label, hint and error. */
  children: (control: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => ReactNode;
  className?: string;
};

/** A labelled form control with its hint and its error message right below it. */
export function Field({ label, errors, hint, children, className }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hasError = errors !== undefined && errors.length > 0;
  const describedBy = [hint ? hintId : null, hasError ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({ id, "aria-describedby": describedBy, ...(hasError ? { "aria-invalid": true } : {}) })}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {hasError ? (
        <p id={errorId} className="text-sm text-red-700">
          {/* The form's own check and a live server check often say the same thing. */}
          {[...new Set(errors)].join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** Shared look of text inputs and selects, so every form looks and focuses the same. */
export const inputClass =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-red-600 disabled:bg-slate-100";
