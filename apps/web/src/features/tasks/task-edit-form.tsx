/**
 * TaskEditForm: every field of a task edited in place, wherever a task is listed: summary,
 * description, minutes, priority, project, deadline, start, start after, repeat and labels.
 * A repeat worded elsewhere (Todoist's "every other week") is shown beside the Repeats field.
 *
 * Props:
 * - `task`: the task as every scheduler.tasks procedure returns it.
 * - `onDone(saved)`: called once the form is finished: with the saved task after Save
 *   (fields, project and repetition all written), with null after Cancel or Escape.
 *
 * The form refreshes every task list, Today, Upcoming and the project counts itself, so a
 * caller only has to close it. The person's zone comes from the session (useMe).
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useWatch } from "react-hook-form";
import { useMe } from "../../auth/require-session.tsx";
import { describeError } from "../../errors/describe-error.ts";
import {
  endOfDayFromDateInput,
  fromDateTimeInputValue,
  toDateInputValue,
  toDateTimeInputValue,
} from "../../lib/time.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { inputClass } from "../../ui/field.tsx";
import { FormErrorMessage } from "../../ui/form/form-error-message.tsx";
import { FormField } from "../../ui/form/form-field.tsx";
import { SubmitButton } from "../../ui/form/submit-button.tsx";
import { useSchemaForm } from "../../ui/form/use-schema-form.ts";
import { presetKindOfRule } from "./preset-kind-of-rule.ts";
import { PrioritySelect } from "./priority-select.tsx";
import { ProjectSelect } from "./project-select.tsx";
import { KEEP_RULE, RepeatSelect, type RepeatValue } from "./repeat-select.tsx";
import { TASK_FORM_MAPPING } from "./task-form-mapping.ts";
import type { Task } from "./task-types.ts";
import { useRecurrenceRule } from "./use-recurrence-rule.ts";

export type TaskEditFormProps = {
  task: Task;
  onDone: (saved: Task | null) => void;
};

type TaskEditValues = {
  summary: string;
  description: string;
  /** As typed. */
  minutes: string;
  priority: number;
  projectId: string | null;
  /** "2026-03-13" or "". */
  deadline: string;
  /** "2026-03-13T09:30" or "": when the task is planned to start. */
  start: string;
  /** "2026-03-13T09:30" or "": the planner never places the task before it. */
  startAfter: string;
  repeat: RepeatValue;
  /** As typed: labels separated by commas. */
  labels: string;
};

/** "deep work, phone" → ["deep work", "phone"]; the server trims and keeps each once. */
function parseLabels(typed: string): string[] {
  return typed
    .split(",")
    .map((label) => label.trim())
    .filter((label) => label !== "");
}

const CONTROL = `${inputClass} w-full min-w-0`;

function initialValues(task: Task, timeZone: string): TaskEditValues {
  return {
    summary: task.summary,
    description: task.description,
    minutes: String(task.minutes),
    priority: task.priority,
    projectId: task.projectId,
    deadline: task.dueAt ? toDateInputValue(task.dueAt, timeZone) : "",
    start: task.startTime ? toDateTimeInputValue(task.startTime, timeZone) : "",
    startAfter: task.startAfter ? toDateTimeInputValue(task.startAfter, timeZone) : "",
    repeat: task.recurrence ? (presetKindOfRule(task.recurrence) ?? KEEP_RULE) : null,
    labels: task.labels.join(", "),
  };
}

/** A task's fields edited in place; Escape or Cancel leaves without saving. */
export function TaskEditForm({ task, onDone }: TaskEditFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { timeZone } = useMe();
  const initial = initialValues(task, timeZone);
  const update = useMutation(trpc.scheduler.tasks.update.mutationOptions());
  const move = useMutation(trpc.scheduler.tasks.move.mutationOptions());

  const form = useSchemaForm({
    // Loaded on first use: the inbox, which edits in place, is part of the first download.
    schema: () => import("@agendacraft/domain/scheduler/tasks/schemas").then((schemas) => schemas.ZUpdateTaskInput),
    defaultValues: initial,
    // An empty number box has no value to send; the schema would only see "not a number".
    check: ({ minutes }) => (minutes.trim() === "" ? { minutes: "Enter how many minutes the task takes" } : {}),
    toInput: ({ summary, description, priority, minutes, deadline, start, startAfter, labels }) => ({
      id: task.id,
      summary,
      description,
      priority,
      minutes: Number(minutes),
      // Only changed dates are sent: a deadline with an exact time (set elsewhere) survives
      // an edit, and a start that has passed does not make an unrelated edit fail.
      ...(deadline === initial.deadline ? {} : { dueAt: endOfDayFromDateInput(deadline, timeZone) }),
      ...(start === initial.start ? {} : { startTime: fromDateTimeInputValue(start, timeZone) }),
      ...(startAfter === initial.startAfter ? {} : { startAfter: fromDateTimeInputValue(startAfter, timeZone) }),
      ...(labels === initial.labels ? {} : { labels: parseLabels(labels) }),
    }),
    mapping: TASK_FORM_MAPPING,
    onSubmit: async (input, { getValues }) => {
      const { repeat, projectId } = getValues();
      const recurrence = await recurrenceChange(repeat);
      let saved = await update.mutateAsync({ ...input, ...(recurrence === undefined ? {} : { recurrence }) });
      // The project changes through `move`, which keeps both lists' orders contiguous.
      if (projectId !== task.projectId) saved = await move.mutateAsync({ id: task.id, projectId });
      void queryClient.invalidateQueries(trpc.scheduler.tasks.pathFilter());
      void queryClient.invalidateQueries(trpc.scheduler.projects.pathFilter());
      onDone(saved);
    },
  });
  const { setFocus } = form;
  const [repeat, deadline] = useWatch({ control: form.control, name: ["repeat", "deadline"] });
  const pickedPreset = repeat === KEEP_RULE || repeat === initial.repeat ? null : repeat;
  const recurrence = useRecurrenceRule({ kind: pickedPreset, deadline, timeZone });

  /** What to send for the repetition: nothing when unchanged, null to stop it, else the picked preset's rule. */
  async function recurrenceChange(picked: RepeatValue): Promise<string | null | undefined> {
    if (picked === initial.repeat || picked === KEEP_RULE) return undefined;
    if (picked === null) return null;
    // A repetition the server cannot turn into a rule is the Repeats field's problem.
    return recurrence.resolveRule().catch((error: unknown) => {
      const described = describeError(error);
      throw { ...described, fieldErrors: { recurrence: [described.message] } };
    });
  }

  useEffect(() => {
    setFocus("summary");
  }, [setFocus]);

  const previewError = recurrence.preview.isError ? [describeError(recurrence.preview.error).message] : undefined;
  // The source's wording stays true while the repeat is left as it is; a new repeat replaces it.
  const sourceRepeat =
    task.recurrenceText && repeat === initial.repeat ? `In Todoist: ${task.recurrenceText}` : undefined;
  const repeatHint = pickedPreset && recurrence.preview.data ? `Repeats ${recurrence.preview.data.text}` : sourceRepeat;
  const busy = update.isPending || move.isPending;

  return (
    <form
      noValidate
      aria-label={`Edit "${task.summary}"`}
      className="flex w-full flex-col gap-3"
      onSubmit={form.submit}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        onDone(null);
      }}
    >
      <FormField control={form.control} name="summary" label="Summary">
        {(control) => <input {...control} className={CONTROL} autoComplete="off" />}
      </FormField>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <FormField control={form.control} name="minutes" label="Minutes">
          {(control) => <input {...control} type="number" inputMode="numeric" min={1} max={480} className={CONTROL} />}
        </FormField>
        <FormField control={form.control} name="priority" label="Priority">
          {(control) => <PrioritySelect {...control} className="w-full min-w-0" />}
        </FormField>
        <FormField control={form.control} name="projectId" label="Project">
          {(control) => <ProjectSelect {...control} className="w-full min-w-0" />}
        </FormField>
        <FormField control={form.control} name="deadline" label="Deadline">
          {(control) => <input {...control} type="date" className={CONTROL} />}
        </FormField>
        <FormField
          control={form.control}
          name="start"
          label="Starts at"
          hint="Empty: the planner picks a time"
          className="sm:col-span-2"
        >
          {(control) => <input {...control} type="datetime-local" className={CONTROL} />}
        </FormField>
        <FormField
          control={form.control}
          name="startAfter"
          label="Start after"
          hint="The planner does not place it earlier"
          className="sm:col-span-2"
        >
          {(control) => <input {...control} type="datetime-local" className={CONTROL} />}
        </FormField>
        <FormField
          control={form.control}
          name="repeat"
          label="Repeats"
          hint={repeatHint}
          className="sm:col-span-2"
          moreErrors={form.formState.errors.repeat ? undefined : previewError}
        >
          {(control) => (
            <RepeatSelect
              {...control}
              className="w-full min-w-0"
              keepLabel={initial.repeat === KEEP_RULE ? "Its own rule (kept)" : undefined}
            />
          )}
        </FormField>
      </div>
      <FormField control={form.control} name="labels" label="Labels" hint="Separate labels with commas">
        {(control) => <input {...control} className={CONTROL} autoComplete="off" />}
      </FormField>
      <FormField control={form.control} name="description" label="Description">
        {(control) => <textarea {...control} rows={3} className={CONTROL} />}
      </FormField>
      <FormErrorMessage control={form.control} />
      <div className="flex gap-2">
        <SubmitButton control={form.control} pendingLabel="Saving…">
          Save
        </SubmitButton>
        <button type="button" className={buttonClass.secondary} onClick={() => onDone(null)} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
