import { useMutation } from "@tanstack/react-query";
import { useEffect } from "react";
import { endOfDayFromDateInput, toDateInputValue } from "../../lib/time.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { inputClass } from "../../ui/field.tsx";
import { FormErrorMessage } from "../../ui/form/form-error-message.tsx";
import { FormField } from "../../ui/form/form-field.tsx";
import { SubmitButton } from "../../ui/form/submit-button.tsx";
import { useSchemaForm } from "../../ui/form/use-schema-form.ts";
import { PrioritySelect } from "./priority-select.tsx";
import { TASK_FORM_MAPPING } from "./task-form-mapping.ts";
import type { Task } from "./task-types.ts";

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
  const update = useMutation(trpc.scheduler.tasks.update.mutationOptions());
  const form = useSchemaForm({
    // Loaded on first use: the inbox, which edits in place, is part of the first download.
    schema: () => import("@agendacraft/domain/scheduler/tasks/schemas").then((schemas) => schemas.ZUpdateTaskInput),
    defaultValues: {
      summary: task.summary,
      minutes: String(task.minutes),
      priority: task.priority,
      deadline: initialDeadline,
      description: task.description,
    },
    // An empty number box has no value to send; the schema would only see "not a number".
    check: ({ minutes }) => (minutes.trim() === "" ? { minutes: "Enter how many minutes the task takes" } : {}),
    toInput: ({ summary, description, priority, minutes, deadline }) => ({
      id: task.id,
      summary,
      description,
      priority,
      minutes: Number(minutes),
      // Only a changed date is sent, so a deadline with an exact time (set elsewhere) survives an edit.
      ...(deadline === initialDeadline ? {} : { dueAt: endOfDayFromDateInput(deadline, timeZone) }),
    }),
    mapping: TASK_FORM_MAPPING,
    onSubmit: async (input) => onSaved(await update.mutateAsync(input)),
  });
  const { setFocus } = form;

  useEffect(() => {
    setFocus("summary");
  }, [setFocus]);

  return (
    <form
      noValidate
      aria-label={`Edit "${task.summary}"`}
      className="flex w-full flex-col gap-3"
      onSubmit={form.submit}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        onCancel();
      }}
    >
      <FormField control={form.control} name="summary" label="Summary">
        {(control) => <input {...control} className={inputClass} />}
      </FormField>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <FormField control={form.control} name="minutes" label="Minutes">
          {(control) => <input {...control} type="number" inputMode="numeric" className={inputClass} />}
        </FormField>
        <FormField control={form.control} name="priority" label="Priority">
          {(control) => <PrioritySelect {...control} />}
        </FormField>
        <FormField control={form.control} name="deadline" label="Deadline">
          {(control) => <input {...control} type="date" className={inputClass} />}
        </FormField>
      </div>
      <FormField control={form.control} name="description" label="Description">
        {(control) => <textarea {...control} rows={3} className={inputClass} />}
      </FormField>
      <FormErrorMessage control={form.control} />
      <div className="flex gap-2">
        <SubmitButton control={form.control} pendingLabel="Saving…">
          Save
        </SubmitButton>
        <button type="button" className={buttonClass.secondary} onClick={onCancel} disabled={update.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
