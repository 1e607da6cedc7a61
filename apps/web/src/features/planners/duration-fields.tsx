import { useId } from "react";
import { inputClass } from "../../ui/field.tsx";

type DurationFieldsProps = {
  hours: string;
  minutes: string;
  errors: string[] | undefined;
  onChange: (change: { hours?: string; minutes?: string }) => void;
};

/** How long each window lasts, as hours and minutes; the API takes the total in minutes. */
export function DurationFields({ hours, minutes, errors, onChange }: DurationFieldsProps) {
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
          <input
            {...control}
            id={`${id}-hours`}
            max={24}
            value={hours}
            onChange={(event) => onChange({ hours: event.target.value })}
          />
          <label htmlFor={`${id}-hours`} className="text-sm text-slate-700">
            Hours
          </label>
        </div>
        <div className="flex items-center gap-2">
          <input
            {...control}
            id={`${id}-minutes`}
            max={59}
            value={minutes}
            onChange={(event) => onChange({ minutes: event.target.value })}
          />
          <label htmlFor={`${id}-minutes`} className="text-sm text-slate-700">
            Minutes
          </label>
        </div>
      </div>
      {hasError ? (
        <p id={errorId} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
