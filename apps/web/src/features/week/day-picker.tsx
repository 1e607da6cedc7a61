import { DateTime } from "luxon";

type DayPickerProps = {
  days: string[];
  selected: string;
  today: string;
  onSelect: (day: string) => void;
};

/** On a narrow screen the grid shows one day: these buttons pick which day of the shown week. */
export function DayPicker({ days, selected, today, onSelect }: DayPickerProps) {
  return (
    <fieldset className="grid grid-cols-7 gap-1">
      <legend className="sr-only">Day</legend>
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
            onClick={() => onSelect(day)}
            className={`flex flex-col items-center rounded-md py-1 text-xs ${isSelected ? "bg-indigo-600 text-white" : "bg-white text-slate-700 hover:bg-slate-100"} ${day === today && !isSelected ? "font-semibold text-indigo-700" : ""}`}
          >
            <span>{date.toFormat("ccc")}</span>
            <span className="text-sm">{date.toFormat("d")}</span>
          </button>
        );
      })}
    </fieldset>
  );
}
