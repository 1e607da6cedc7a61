import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useWatch } from "react-hook-form";
import { useNavigate } from "react-router";
import { toast } from "sonner";
import { useMe } from "../../auth/require-session.tsx";
import { describeError } from "../../errors/describe-error.ts";
import { endOfDayFromDateInput } from "../../lib/time.ts";
import { useTRPC } from "../../trpc.ts";
import { inputClass } from "../../ui/field.tsx";
import { FormErrorMessage } from "../../ui/form/form-error-message.tsx";
import { FormField } from "../../ui/form/form-field.tsx";
import { SubmitButton } from "../../ui/form/submit-button.tsx";
import { useSchemaForm } from "../../ui/form/use-schema-form.ts";
import { MoreOptions } from "../../ui/more-options.tsx";
import { PrioritySelect } from "../tasks/priority-select.tsx";
import { ProjectSelect, useProjectChoices } from "../tasks/project-select.tsx";
import { RepeatSelect } from "../tasks/repeat-select.tsx";
import { TASK_FORM_MAPPING } from "../tasks/task-form-mapping.ts";
import type { RecurrencePresetKind, Task } from "../tasks/task-types.ts";
import { useRecurrenceRule } from "../tasks/use-recurrence-rule.ts";
import { type LineFields, lineFields } from "./quick-add/line-fields.ts";
import { QuickAddChips } from "./quick-add/quick-add-chips.tsx";
import { useQuickAddLine } from "./quick-add/use-quick-add-line.ts";

const CONTROL = `${inputClass} w-full min-w-0`;

type QuickAddValues = {
  summary: string;
  /** As typed; empty means the server's default duration. */
  minutes: string;
  priority: number;
  projectId: string | null;
  /** "2026-03-13" or "". */
  deadline: string;
  repeat: RecurrencePresetKind | null;
};

/** Behind "More options" on a phone; opened when one of them has an error to show. */
const OPTIONAL_FIELDS = ["minutes", "priority", "projectId", "deadline", "repeat"] as const;

const EMPTY: QuickAddValues = { summary: "", minutes: "", priority: 0, projectId: null, deadline: "", repeat: null };
const FIELD_NAMES = Object.keys(EMPTY) as (keyof QuickAddValues)[];
const NO_PROJECTS: readonly { id: string; name: string }[] = [];

/** Adds a task to the inbox (or straight into a project) without leaving the list. */
export function QuickAddForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { timeZone } = useMe();
  const projects = useProjectChoices();
  const [status, setStatus] = useState("");

  const create = useMutation(trpc.scheduler.tasks.create.mutationOptions());
  const refreshLists = async () => {
    await queryClient.invalidateQueries(trpc.scheduler.tasks.list.pathFilter());
    // A project's task counts changed too.
    await queryClient.invalidateQueries(trpc.scheduler.projects.pathFilter());
  };

  function announceAdded(task: Task) {
    if (!task.projectId) {
      setStatus(`Added “${task.summary}” to the inbox.`);
      return;
    }
    const { projectId: addedTo } = task;
    const name = projects.data?.items.find((project) => project.id === addedTo)?.name ?? "its project";
    setStatus("");
    // The task leaves this list, so say where it went and offer the way there.
    toast.success(`Added “${task.summary}” to ${name}`, {
      action: { label: "Open project", onClick: () => void navigate(`/projects/${addedTo}`) },
    });
  }

  // What the summary line says, read again at submit (the form's schema checks the result).
  const readLine = useRef<(line: string) => LineFields>((line) => ({ summary: line }));

  const form = useSchemaForm({
    // Loaded on first use: the inbox is part of the first download.
    schema: () => import("@agendacraft/domain/scheduler/tasks/schemas").then((schemas) => schemas.ZCreateTaskInput),
    defaultValues: EMPTY,
    // The repetition is checked by the server when the submit turns the preset into a rule.
    // What the line's chips set wins over the field for the same thing.
    toInput: ({ summary, minutes, priority, projectId, deadline }) => {
      const line = readLine.current(summary);
      const typedMinutes = minutes.trim() === "" ? undefined : Number(minutes);
      const chosenProject = line.projectId ?? projectId ?? undefined;
      const dueAt = line.dueAt ?? (deadline ? (endOfDayFromDateInput(deadline, timeZone) ?? undefined) : undefined);
      return {
        summary: line.summary,
        ...(line.minutes !== undefined || typedMinutes !== undefined ? { minutes: line.minutes ?? typedMinutes } : {}),
        priority: line.priority ?? priority,
        ...(chosenProject ? { projectId: chosenProject } : {}),
        ...(dueAt ? { dueAt } : {}),
        ...(line.startAfter ? { startAfter: line.startAfter } : {}),
      };
    },
    mapping: TASK_FORM_MAPPING,
    onSubmit: async (input, { resetField, setFocus, getValues }) => {
      setStatus("");
      // A repetition the server cannot turn into a rule is the Repeats field's problem.
      const lineRule = readLine.current(getValues("summary")).recurrence;
      const rule =
        lineRule ??
        (await recurrence.resolveRule().catch((error: unknown) => {
          const described = describeError(error);
          throw { ...described, fieldErrors: { recurrence: [described.message] } };
        }));
      let task: Task;
      try {
        task = await create.mutateAsync({ ...input, ...(rule ? { recurrence: rule } : {}) });
      } finally {
        // Not awaited: the form is cleared before the new row shows, so whoever types the
        // next task as soon as it does never has their typing wiped.
        void refreshLists();
      }
      // Every field, not just the summary: a project or repeat left over from the last task
      // would silently send the next one somewhere else. Field by field, because a whole-form
      // reset() forgets the elements, and the summary could no longer be focused.
      for (const name of FIELD_NAMES) resetField(name);
      quickLine.clearKept();
      setFocus("summary");
      announceAdded(task);
    },
  });
  const [repeat, deadline, summaryLine] = useWatch({ control: form.control, name: ["repeat", "deadline", "summary"] });
  const quickLine = useQuickAddLine({
    line: summaryLine,
    timeZone,
    projects: projects.data?.items ?? NO_PROJECTS,
    hasDeadline: deadline !== "",
  });
  readLine.current = (line) => {
    const parsed = quickLine.parse(line);
    return parsed ? lineFields(parsed) : { summary: line };
  };
  const recurrence = useRecurrenceRule({ kind: repeat, deadline, timeZone });

  const previewError = recurrence.preview.isError ? [describeError(recurrence.preview.error).message] : undefined;
  const repeatHint = repeat && recurrence.preview.data ? `Repeats ${recurrence.preview.data.text}` : undefined;

  return (
    <form
      noValidate
      aria-labelledby="quick-add-heading"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
      onSubmit={form.submit}
    >
      <h2 id="quick-add-heading" className="sr-only">
        Add a task
      </h2>
      <FormField
        control={form.control}
        name="summary"
        label="Summary"
        hint="Add details in words: tomorrow 3pm, 30m, p1, #project, every weekday"
      >
        {(control) => (
          // The `q` shortcut finds the field by this mark (layout/shortcuts/focus-quick-add.ts).
          <input
            {...control}
            className={CONTROL}
            placeholder="Book dentist tomorrow 3pm 30m p1 #Health every weekday"
            autoComplete="off"
            data-shortcut-target="quick-add"
          />
        )}
      </FormField>
      {quickLine.parsed ? (
        <QuickAddChips
          summary={quickLine.parsed.summary}
          tokens={quickLine.parsed.tokens}
          describe={quickLine.describe}
          onRemove={(token) => {
            quickLine.keep(token);
            form.setFocus("summary");
          }}
        />
      ) : null}
      <MoreOptions
        className="grid-cols-2 gap-3 sm:grid-cols-3"
        forceOpen={Boolean(previewError) || OPTIONAL_FIELDS.some((name) => form.formState.errors[name])}
      >
        <FormField control={form.control} name="minutes" label="Minutes" hint="Default 30">
          {(control) => <input {...control} type="number" inputMode="numeric" min={1} max={480} className={CONTROL} />}
        </FormField>
        <FormField control={form.control} name="priority" label="Priority">
          {(control) => <PrioritySelect {...control} className="w-full min-w-0" />}
        </FormField>
        <FormField control={form.control} name="projectId" label="Project" className="col-span-2 sm:col-span-1">
          {(control) => <ProjectSelect {...control} className="w-full min-w-0" />}
        </FormField>
        <FormField control={form.control} name="deadline" label="Deadline">
          {(control) => <input {...control} type="date" className={CONTROL} />}
        </FormField>
        <FormField
          control={form.control}
          name="repeat"
          label="Repeats"
          hint={repeatHint}
          moreErrors={form.formState.errors.repeat ? undefined : previewError}
        >
          {(control) => <RepeatSelect {...control} className="w-full min-w-0" />}
        </FormField>
      </MoreOptions>
      <FormErrorMessage control={form.control} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton control={form.control}>Add task</SubmitButton>
        <p role="status" className="text-sm text-slate-600">
          {status}
        </p>
      </div>
    </form>
  );
}
