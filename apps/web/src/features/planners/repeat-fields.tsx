import { useId } from "react";
import type { RefCallBack } from "react-hook-form";
import { Field, inputClass } from "../../ui/field.tsx";
import { REPEAT_OPTIONS, type RepeatChoice, type RepeatKind, WEEKDAYS } from "./repeat-choice.ts";

type RepeatFieldsProps = {
  choice: RepeatChoice;
  /** The server's messages about the rule (preview or save); shown at the rule input for a custom rule. */
  errors: string[] | undefined;
  onChange: (choice: RepeatChoice) => void;
  /** Where the form puts focus when the repetition is the first invalid field: the rule box, or the menu. */
  inputRef?: RefCallBack;
};

const MONTH_DAYS = Array.from({ length: 31 }, (_, index) => String(index + 1));

/** "Repeats": a preset from the menu, with its days where it needs them, or a custom RRULE. */
export function RepeatFields({ choice, errors, onChange, inputRef }: RepeatFieldsProps) {
  const daysId = useId();
  const custom = choice.kind === "custom";
  return (
    <div className="flex flex-col gap-3">
      <Field label="Repeats" errors={custom ? undefined : errors}>
        {(control) => (
          <select
            {...control}
            ref={custom ? undefined : inputRef}
            className={inputClass}
            value={choice.kind}
            onChange={(event) => {
              const kind = REPEAT_OPTIONS.find((option) => option.value === event.target.value)?.value;
              if (kind) onChange({ ...choice, kind: kind satisfies RepeatKind });
            }}
          >
            {REPEAT_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {choice.kind === "weekly" ? (
        <fieldset className="flex flex-col gap-1">
          <legend id={daysId} className="text-sm font-medium text-slate-700">
            Days
          </legend>
          <div className="flex flex-wrap gap-x-3 gap-y-1">
            {WEEKDAYS.map((day) => (
              <label key={day.value} className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  className="size-4"
                  checked={choice.days.includes(day.value)}
                  onChange={(event) =>
                    onChange({
                      ...choice,
                      days: event.target.checked
                        ? WEEKDAYS.map((d) => d.value).filter((d) => d === day.value || choice.days.includes(d))
                        : choice.days.filter((d) => d !== day.value),
                    })
                  }
                />
                {day.label}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {choice.kind === "monthly_on_day" ? (
        <Field label="Day of month">
          {(control) => (
            <select
              {...control}
              className={inputClass}
              value={choice.monthDay}
              onChange={(event) => onChange({ ...choice, monthDay: event.target.value })}
            >
              {MONTH_DAYS.map((day) => (
                <option key={day} value={day}>
                  {day}
                </option>
              ))}
              <option value="-1">Last day</option>
            </select>
          )}
        </Field>
      ) : null}
      {custom ? (
        <Field label="Rule" errors={errors} hint="An RRULE, e.g. FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH">
          {(control) => (
            <input
              {...control}
              ref={inputRef}
              className={`${inputClass} font-mono`}
              value={choice.rule}
              spellCheck={false}
              autoCapitalize="characters"
              onChange={(event) => onChange({ ...choice, rule: event.target.value })}
            />
          )}
        </Field>
      ) : null}
    </div>
  );
}
