import { useId } from "react";
import type { RefCallBack } from "react-hook-form";
import { inputClass } from "../../ui/field.tsx";

/** One number box bound to its form field. */
type NumberBox = {
  name: string;
  value: string;
  onChange: (event: unknown) => void;
  onBlur: () => void;
  ref: RefCallBack;
};

type DurationFieldsProps = {
  hours: NumberBox;
  minutes: NumberBox;
  errors: string[] | undefined;
};

/** How long each window lasts, as hours and minutes; the API takes the total in minutes. */
export function DurationFields({ hours, minutes, errors }: DurationFieldsProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hasError = errors !== undefined && errors.length > 0;
  const control = {
    className: `${inputClass} w-20`,
    type: "number",
    inputMode: "numeric" as const,
    min: 0,
    step: 1,
    ...(hasError ? { "aria-invalid": true, "aria-describedby": errorId } : {}),
  };
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="text-sm font-medium text-slate-700">Duration</legend>
      <div className="flex flex-wrap gap-3">
        <div className="flex items-center gap-2">
          <input {...control} {...hours} id={`${id}-hours`} max={24} />
          <label htmlFor={`${id}-hours`} className="text-sm text-slate-700">
            Hours
          </label>
        </div>
        <div className="flex items-center gap-2">
          <input {...control} {...minutes} id={`${id}-minutes`} max={59} />
          <label htmlFor={`${id}-minutes`} className="text-sm text-slate-700">
            Minutes
          </label>
        </div>
      </div>
      {hasError ? (
        <p id={errorId} className="text-sm text-red-700">
          {[...new Set(errors)].join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
