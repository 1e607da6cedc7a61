import type { SelectHTMLAttributes } from "react";
import { inputClass } from "../../ui/field.tsx";
import { isPresetKind, PRESET_CHOICES } from "./recurrence-presets.ts";
import type { RecurrencePresetKind } from "./task-types.ts";

type RepeatSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange"> & {
  /** null: the task does not repeat. */
  value: RecurrencePresetKind | null;
  onChange: (kind: RecurrencePresetKind | null) => void;
};

/** Picks one of the domain's recurrence presets (or none); the option values are the preset kinds. */
export function RepeatSelect({ value, onChange, className, ...rest }: RepeatSelectProps) {
  return (
    <select
      {...rest}
      className={`${inputClass} ${className ?? ""}`}
      value={value ?? ""}
      onChange={(event) => onChange(isPresetKind(event.target.value) ? event.target.value : null)}
    >
      <option value="">Does not repeat</option>
      {PRESET_CHOICES.map((choice) => (
        <option key={choice.kind} value={choice.kind}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}
