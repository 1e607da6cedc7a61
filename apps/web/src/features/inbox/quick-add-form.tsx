import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { toast } from "sonner";
import { useMe } from "../../auth/require-session.tsx";
import { describeError } from "../../errors/describe-error.ts";
import { endOfDayFromDateInput } from "../../lib/time.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { Field, inputClass } from "../../ui/field.tsx";
import { FormError } from "../../ui/form-error.tsx";
import { PrioritySelect } from "../tasks/priority-select.tsx";
import { ProjectSelect, useProjectChoices } from "../tasks/project-select.tsx";
import { RepeatSelect } from "../tasks/repeat-select.tsx";
import { type TaskFormErrors, taskFormErrors } from "../tasks/task-form-errors.ts";
import type { RecurrencePresetKind, Task } from "../tasks/task-types.ts";
import { useRecurrenceRule } from "../tasks/use-recurrence-rule.ts";

const FIELDS = ["summary", "minutes", "priority", "projectId", "dueAt", "recurrence"] as const;
const NO_ERRORS: TaskFormErrors = { fieldErrors: {}, formError: null };
const CONTROL = `${inputClass} w-full min-w-0`;

/** Adds a task to the inbox (or straight into a project) without leaving the list. */
export function QuickAddForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { timeZone } = useMe();
  const projects = useProjectChoices();

  const [summary, setSummary] = useState("");
  const [minutes, setMinutes] = useState("");
  const [priority, setPriority] = useState(0);
  const [projectId, setProjectId] = useState<string | null>(null);
  const [deadline, setDeadline] = useState("");
  const [repeat, setRepeat] = useState<RecurrencePresetKind | null>(null);
  const [errors, setErrors] = useState<TaskFormErrors>(NO_ERRORS);
  const [resolvingRule, setResolvingRule] = useState(false);
  const [status, setStatus] = useState("");
  const summaryRef = useRef<HTMLInputElement>(null);
  const recurrence = useRecurrenceRule({ kind: repeat, deadline, timeZone });

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

  const create = useMutation(
    trpc.scheduler.tasks.create.mutationOptions({
      onSuccess: (task) => {
        setSummary("");
        summaryRef.current?.focus();
        announceAdded(task);
      },
      onError: (error) => setErrors(taskFormErrors(error, FIELDS)),
      onSettled: async () => {
        await queryClient.invalidateQueries(trpc.scheduler.tasks.list.pathFilter());
        // A project's task counts changed too.
        await queryClient.invalidateQueries(trpc.scheduler.projects.pathFilter());
      },
    }),
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors(NO_ERRORS);
    setStatus("");
    let rule: string | undefined;
    setResolvingRule(true);
    try {
      rule = await recurrence.resolveRule();
    } catch (error) {
      setErrors({ fieldErrors: { recurrence: [describeError(error).message] }, formError: null });
      return;
    } finally {
      setResolvingRule(false);
    }
    create.mutate({
      summary,
      // Empty means the server's default duration.
      ...(minutes.trim() === "" ? {} : { minutes: Number(minutes) }),
      priority,
      ...(projectId ? { projectId } : {}),
      ...(deadline ? { dueAt: endOfDayFromDateInput(deadline, timeZone) ?? undefined } : {}),
      ...(rule ? { recurrence: rule } : {}),
    });
  }

  const previewError = recurrence.preview.isError ? [describeError(recurrence.preview.error).message] : undefined;
  const repeatHint = repeat && recurrence.preview.data ? `Repeats ${recurrence.preview.data.text}` : undefined;
  const busy = resolvingRule || create.isPending;

  return (
    <form
      noValidate
      aria-labelledby="quick-add-heading"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
      onSubmit={(event) => void submit(event)}
    >
      <h2 id="quick-add-heading" className="sr-only">
        Add a task
      </h2>
      <Field label="Summary" errors={errors.fieldErrors.summary}>
        {(control) => (
          <input
            {...control}
            ref={summaryRef}
            className={CONTROL}
            placeholder="What needs doing?"
            autoComplete="off"
            value={summary}
            onChange={(event) => setSummary(event.target.value)}
          />
        )}
      </Field>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <Field label="Minutes" hint="Default 30" errors={errors.fieldErrors.minutes}>
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={1}
              max={480}
              className={CONTROL}
              value={minutes}
              onChange={(event) => setMinutes(event.target.value)}
            />
          )}
        </Field>
        <Field label="Priority" errors={errors.fieldErrors.priority}>
          {(control) => (
            <PrioritySelect {...control} className="w-full min-w-0" value={priority} onChange={setPriority} />
          )}
        </Field>
        <Field label="Project" errors={errors.fieldErrors.projectId} className="col-span-2 sm:col-span-1">
          {(control) => (
            <ProjectSelect {...control} className="w-full min-w-0" value={projectId} onChange={setProjectId} />
          )}
        </Field>
        <Field label="Deadline" errors={errors.fieldErrors.dueAt}>
          {(control) => (
            <input
              {...control}
              type="date"
              className={CONTROL}
              value={deadline}
              onChange={(event) => setDeadline(event.target.value)}
            />
          )}
        </Field>
        <Field label="Repeats" hint={repeatHint} errors={errors.fieldErrors.recurrence ?? previewError}>
          {(control) => <RepeatSelect {...control} className="w-full min-w-0" value={repeat} onChange={setRepeat} />}
        </Field>
      </div>
      <FormError error={errors.formError} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass.primary} disabled={busy}>
          Add task
        </button>
        <p role="status" className="text-sm text-slate-600">
          {status}
        </p>
      </div>
    </form>
  );
}
