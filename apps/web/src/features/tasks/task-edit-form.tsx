import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { endOfDayFromDateInput, toDateInputValue } from "../../lib/time.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { Field, inputClass } from "../../ui/field.tsx";
import { FormError } from "../../ui/form-error.tsx";
import { PrioritySelect } from "./priority-select.tsx";
import { type TaskFormErrors, taskFormErrors } from "./task-form-errors.ts";
import type { Task } from "./task-types.ts";

const FIELDS = ["summary", "minutes", "priority", "dueAt", "description"] as const;
const NO_ERRORS: TaskFormErrors = { fieldErrors: {}, formError: null };

type TaskEditFormProps = {
  task: Task;
  timeZone: string;
  onSaved: (task: Task) => void;
  onCancel: () => void;
};

/** A task's everyday fields edited in place; Escape or Cancel leaves without saving. */
export function TaskEditForm({ task, timeZone, onSaved, onCancel }: TaskEditFormProps) {
  const trpc = useTRPC();
  const initialDeadline = task.dueAt ? toDateInputValue(task.dueAt, timeZone) : "";
  const [summary, setSummary] = useState(task.summary);
  const [minutes, setMinutes] = useState(String(task.minutes));
  const [priority, setPriority] = useState(task.priority);
  const [deadline, setDeadline] = useState(initialDeadline);
  const [description, setDescription] = useState(task.description);
  const [errors, setErrors] = useState<TaskFormErrors>(NO_ERRORS);
  const summaryRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    summaryRef.current?.focus();
  }, []);

  const update = useMutation(
    trpc.scheduler.tasks.update.mutationOptions({
      onSuccess: (saved) => onSaved(saved),
      onError: (error) => setErrors(taskFormErrors(error, FIELDS)),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (minutes.trim() === "") {
      // An empty number field has no value to send; the server would only see "not a number".
      setErrors({ fieldErrors: { minutes: ["Enter how many minutes the task takes"] }, formError: null });
      return;
    }
    setErrors(NO_ERRORS);
    update.mutate({
      id: task.id,
      summary,
      description,
      priority,
      minutes: Number(minutes),
      // Only a changed date is sent, so a deadline with an exact time (set elsewhere) survives an edit.
      ...(deadline === initialDeadline ? {} : { dueAt: endOfDayFromDateInput(deadline, timeZone) }),
    });
  }

  return (
    <form
      noValidate
      aria-label={`Edit "${task.summary}"`}
      className="flex w-full flex-col gap-3"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        onCancel();
      }}
    >
      <Field label="Summary" errors={errors.fieldErrors.summary}>
        {(control) => (
          <input
            {...control}
            ref={summaryRef}
            className={inputClass}
            value={summary}
            onChange={(event) => setSummary(event.target.value)}
          />
        )}
      </Field>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Field label="Minutes" errors={errors.fieldErrors.minutes}>
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              className={inputClass}
              value={minutes}
              onChange={(event) => setMinutes(event.target.value)}
            />
          )}
        </Field>
        <Field label="Priority" errors={errors.fieldErrors.priority}>
          {(control) => <PrioritySelect {...control} value={priority} onChange={setPriority} />}
        </Field>
        <Field label="Deadline" errors={errors.fieldErrors.dueAt}>
          {(control) => (
            <input
              {...control}
              type="date"
              className={inputClass}
              value={deadline}
              onChange={(event) => setDeadline(event.target.value)}
            />
          )}
        </Field>
      </div>
      <Field label="Description" errors={errors.fieldErrors.description}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            className={inputClass}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        )}
      </Field>
      <FormError error={errors.formError} />
      <div className="flex gap-2">
        <button type="submit" className={buttonClass.primary} disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save"}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={onCancel} disabled={update.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
