import { PRIORITY_LEVELS } from "@agendacraft/domain/scheduler/tasks/priority/schemas";
import type { SelectHTMLAttributes } from "react";
import { inputClass } from "../../ui/field.tsx";

type PrioritySelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange"> & {
  value: number;
  onChange: (priority: number) => void;
};

/** A task's priority, named from the domain's one table; a select so only the values the server accepts can be picked. */
export function PrioritySelect({ value, onChange, className, ...rest }: PrioritySelectProps) {
  return (
    <select
      {...rest}
      className={`${inputClass} ${className ?? ""}`}
      value={value}
      onChange={(event) => onChange(Number(event.target.value))}
    >
      {PRIORITY_LEVELS.map((priority) => (
        <option key={priority.value} value={priority.value}>
          {priority.label}
        </option>
      ))}
    </select>
  );
}
