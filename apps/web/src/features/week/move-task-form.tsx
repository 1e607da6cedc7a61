import { type FormEvent, useState } from "react";
import { type DescribedError, describeError } from "../../errors/describe-error.ts";
import { fromDateTimeInputValue, toDateTimeInputValue } from "../../lib/time.ts";
import { buttonClass } from "../../ui/button.ts";
import { Field, inputClass } from "../../ui/field.tsx";
import { FormError } from "../../ui/form-error.tsx";
import { useMoveTaskTime } from "./use-move-task-time.ts";
import type { WeekRange } from "./week-types.ts";

type MoveTaskFormProps = {
  task: { id: string; startTime: Date };
  week: WeekRange;
  timeZone: string;
  onMoved: () => void;
};

/** Dragging without a mouse: type the new start, the task keeps its length. */
export function MoveTaskForm({ task, week, timeZone, onMoved }: MoveTaskFormProps) {
  const [value, setValue] = useState(() => toDateTimeInputValue(task.startTime, timeZone));
  const [error, setError] = useState<DescribedError | null>(null);
  const move = useMoveTaskTime(week);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const start = fromDateTimeInputValue(value, timeZone);
    if (!start) {
      setError({ kind: "validation", message: "Pick a date and time.", code: null, fieldErrors: {} });
      return;
    }
    setError(null);
    // Only the start: the server moves the end with it, keeping the task's length.
    move.mutate(
      { id: task.id, startTime: start },
      {
        onSuccess: onMoved,
        onError: (failure) => setError(describeError(failure)),
      },
    );
  };

  return (
    <form className="flex flex-wrap items-end gap-2" onSubmit={submit} noValidate>
      <Field label="Starts" className="grow">
        {(control) => (
          <input
            {...control}
            type="datetime-local"
            className={inputClass}
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" className={buttonClass.secondary} disabled={move.isPending}>
        {move.isPending ? "Moving…" : "Move"}
      </button>
      <div className="w-full">
        <FormError error={error} />
      </div>
    </form>
  );
}
