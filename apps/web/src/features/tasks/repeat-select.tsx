import type { SelectHTMLAttributes } from "react";
import { inputClass } from "../../ui/field.tsx";
import { isPresetKind, PRESET_CHOICES } from "./recurrence-presets.ts";
import type { RecurrencePresetKind } from "./task-types.ts";

/** The menu value that leaves a task's own rule (one no preset makes) as it is. */
export const KEEP_RULE = "keep";
export type RepeatValue = RecurrencePresetKind | typeof KEEP_RULE | null;

type RepeatSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange"> & {
  /** null: the task does not repeat. */
  value: RepeatValue;
  onChange: (kind: RepeatValue) => void;
  /** Offers KEEP_RULE with this label (an edited task whose rule is not a preset). */
  keepLabel?: string | undefined;
};

/** Picks one of the domain's recurrence presets (or none); the option values are the preset kinds. */
export function RepeatSelect({ value, onChange, keepLabel, className, ...rest }: RepeatSelectProps) {
  return (
    <select
      {...rest}
      className={`${inputClass} ${className ?? ""}`}
      value={value ?? ""}
      onChange={(event) => {
        const picked = event.target.value;
        onChange(isPresetKind(picked) ? picked : picked === KEEP_RULE && keepLabel ? KEEP_RULE : null);
      }}
    >
      <option value="">Does not repeat</option>
      {keepLabel ? <option value={KEEP_RULE}>{keepLabel}</option> : null}
      {PRESET_CHOICES.map((choice) => (
        <option key={choice.kind} value={choice.kind}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}
