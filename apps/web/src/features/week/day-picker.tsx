import { DateTime } from "luxon";
import { useId } from "react";

type DayPickerProps = {
  days: string[];
  selected: string;
  today: string;
  /** Days with open tasks: they get a dot (and say so to screen readers). */
  workDays: ReadonlySet<string>;
  onSelect: (day: string) => void;
};

/** On a narrow screen the grid shows one day: these buttons pick which day of the shown week. */
export function DayPicker({ days, selected, today, workDays, onSelect }: DayPickerProps) {
  const hasTasksId = useId();
  return (
    <fieldset className="grid grid-cols-7 gap-1">
      <legend className="sr-only">Day</legend>
      <span id={hasTasksId} hidden>
        Has tasks
      </span>
      {days.map((day) => {
        const date = DateTime.fromISO(day);
        const isSelected = day === selected;
        return (
          <button
            key={day}
            type="button"
            aria-pressed={isSelected}
            aria-label={date.toFormat("cccc d LLLL")}
            aria-current={day === today ? "date" : undefined}
            aria-describedby={workDays.has(day) ? hasTasksId : undefined}
            onClick={() => onSelect(day)}
            className={`flex flex-col items-center rounded-md py-1 text-xs ${isSelected ? "bg-indigo-600 text-white" : "bg-white text-slate-700 hover:bg-slate-100"} ${day === today && !isSelected ? "font-semibold text-indigo-700" : ""}`}
          >
            <span>{date.toFormat("ccc")}</span>
            <span className="text-sm">{date.toFormat("d")}</span>
            <span
              aria-hidden="true"
              className={`mt-0.5 size-1.5 rounded-full ${workDays.has(day) ? (isSelected ? "bg-white" : "bg-indigo-600") : "bg-transparent"}`}
            />
          </button>
        );
      })}
    </fieldset>
  );
}
