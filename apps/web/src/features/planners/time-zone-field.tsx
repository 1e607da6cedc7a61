import { useState } from "react";
import { buttonClass } from "../../ui/button.ts";
import { Field, inputClass } from "../../ui/field.tsx";
import { timeZoneOptions } from "./time-zones.ts";

type TimeZoneFieldProps = { value: string; errors: string[] | undefined; onChange: (timeZone: string) => void };

/**
 * The zone the planner's hours are read in. Almost always the person's own, so the list of
 * some 400 zones is only put on the page when they ask to change it.
 */
export function TimeZoneField({ value, errors, onChange }: TimeZoneFieldProps) {
  const [choosing, setChoosing] = useState(false);
  if (!choosing && !errors?.length) {
    return (
      <div className="flex flex-col gap-1">
        <span className="text-sm font-medium text-slate-700">Time zone</span>
        <div className="flex items-center gap-2 text-sm">
          <span>{value}</span>
          <button type="button" className={buttonClass.ghost} onClick={() => setChoosing(true)}>
            Change<span className="sr-only"> time zone</span>
          </button>
        </div>
      </div>
    );
  }
  return (
    <Field label="Time zone" errors={errors}>
      {(control) => (
        <select
          {...control}
          className={inputClass}
          value={value}
          // biome-ignore lint/a11y/noAutofocus: the person just asked to change the zone.
          autoFocus={choosing}
          onChange={(event) => onChange(event.target.value)}
        >
          {timeZoneOptions(value).map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
