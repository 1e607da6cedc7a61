import type { SelectHTMLAttributes } from "react";
import { inputClass } from "../../ui/field.tsx";

/** The domain's priorities: 0 (none) to 5 (most urgent). */
const PRIORITIES = [
  { value: 0, label: "0 – none" },
  { value: 1, label: "1 – low" },
  { value: 2, label: "2" },
  { value: 3, label: "3 – high" },
  { value: 4, label: "4" },
  { value: 5, label: "5 – urgent" },
] as const;

type PrioritySelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange"> & {
  value: number;
  onChange: (priority: number) => void;
};

/** A task's priority; a select so only the values the server accepts can be picked. */
export function PrioritySelect({ value, onChange, className, ...rest }: PrioritySelectProps) {
  return (
    <select
      {...rest}
      className={`${inputClass} ${className ?? ""}`}
      value={value}
      onChange={(event) => onChange(Number(event.target.value))}
    >
      {PRIORITIES.map((priority) => (
        <option key={priority.value} value={priority.value}>
          {priority.label}
        </option>
      ))}
    </select>
  );
}
