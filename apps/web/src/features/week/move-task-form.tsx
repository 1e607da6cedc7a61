import { ZUpdateTaskInput } from "@agendacraft/domain/scheduler/tasks/schemas";
import { fromDateTimeInputValue, toDateTimeInputValue } from "../../lib/time.ts";
import { inputClass } from "../../ui/field.tsx";
import { FormErrorMessage } from "../../ui/form/form-error-message.tsx";
import { FormField } from "../../ui/form/form-field.tsx";
import { SubmitButton } from "../../ui/form/submit-button.tsx";
import { useSchemaForm } from "../../ui/form/use-schema-form.ts";
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
  const move = useMoveTaskTime(week);
  const form = useSchemaForm({
    schema: ZUpdateTaskInput,
    defaultValues: { start: toDateTimeInputValue(task.startTime, timeZone) },
    check: ({ start }) => (fromDateTimeInputValue(start, timeZone) ? {} : { start: "Pick a date and time." }),
    // Only the start: the server moves the end with it, keeping the task's length.
    toInput: ({ start }) => ({ id: task.id, startTime: fromDateTimeInputValue(start, timeZone) ?? undefined }),
    mapping: { fields: { startTime: "start", endTime: "start" } },
    onSubmit: async (input) => {
      await move.mutateAsync(input);
      onMoved();
    },
  });

  return (
    <form className="flex flex-wrap items-end gap-2" onSubmit={form.submit} noValidate>
      <FormField control={form.control} name="start" label="Starts" className="grow">
        {(control) => <input {...control} type="datetime-local" className={inputClass} />}
      </FormField>
      <SubmitButton control={form.control} variant="secondary" pendingLabel="Moving…">
        Move
      </SubmitButton>
      <div className="w-full">
        <FormErrorMessage control={form.control} />
      </div>
    </form>
  );
}
