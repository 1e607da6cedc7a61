import { useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useController, useWatch } from "react-hook-form";
import { useMe } from "../../auth/require-session.tsx";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { inputClass } from "../../ui/field.tsx";
import { FormErrorMessage } from "../../ui/form/form-error-message.tsx";
import { FormField } from "../../ui/form/form-field.tsx";
import { mapFormErrors } from "../../ui/form/map-form-errors.ts";
import { SubmitButton } from "../../ui/form/submit-button.tsx";
import { useSchemaForm } from "../../ui/form/use-schema-form.ts";
import { DurationFields } from "./duration-fields.tsx";
import { OccurrencePreview } from "./occurrence-preview.tsx";
import { PLANNER_FORM_MAPPING, ZPlannerFormInput } from "./planner-form-mapping.ts";
import { type PlannerFormValues, plannerInput } from "./planner-form-values.ts";
import { type RepeatChoice, repeatSource } from "./repeat-choice.ts";
import { RepeatFields } from "./repeat-fields.tsx";
import { TimeZoneField } from "./time-zone-field.tsx";
import { useRecurrencePreview } from "./use-recurrence-preview.ts";

// Only the canonical rule is wanted from this preview, which does not depend on the start.
const ANY_START = new Date("2026-01-05T09:00:00Z");

export type PlannerInput = ReturnType<typeof plannerInput>;

type PlannerFormProps = {
  initialValues: PlannerFormValues;
  submitLabel: string;
  /** Saves; a rejection's errors are shown at the fields. */
  onSave: (input: PlannerInput) => Promise<unknown>;
  onCancel?: () => void;
};

/** A planner's name, repetition, daily hours, first day and zone, with its next windows previewed as it is edited. */
export function PlannerForm({ initialValues, submitLabel, onSave, onCancel }: PlannerFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();

  /** The rule to store: a preset as the server spells it, a custom rule as typed (the server checks and tidies it). */
  const ruleToSave = async (repeat: RepeatChoice): Promise<string> => {
    const source = repeatSource(repeat);
    if (!source || "rule" in source) return repeat.rule;
    const canonical = await queryClient.fetchQuery(
      trpc.scheduler.recurrence.preview.queryOptions({ preset: source.preset, start: ANY_START, count: 1 }),
    );
    return canonical.rule;
  };

  const form = useSchemaForm({
    schema: ZPlannerFormInput,
    defaultValues: initialValues,
    toInput: (values) => {
      const { recurrence, ...input } = plannerInput(values, values.repeat.rule);
      return values.repeat.kind === "custom" ? { ...input, recurrence } : input;
    },
    mapping: PLANNER_FORM_MAPPING,
    onSubmit: async (_input, { getValues }) => {
      const values = getValues();
      await onSave(plannerInput(values, await ruleToSave(values.repeat)));
    },
  });
  const { control } = form;

  // A stable object per content, so the preview waits for the person to stop typing, not for renders.
  const watched = useWatch({ control });
  const watchedKey = JSON.stringify(watched);
  const values = useMemo(() => JSON.parse(watchedKey) as PlannerFormValues, [watchedKey]);
  const preview = useRecurrencePreview(values);
  const previewErrors = preview.error
    ? mapFormErrors(preview.error, Object.keys(initialValues) as (keyof PlannerFormValues)[], PLANNER_FORM_MAPPING)
    : { fields: {}, form: null };

  const repeat = useController({ control, name: "repeat" });
  const hours = useController({ control, name: "hours" });
  const minutes = useController({ control, name: "minutes" });
  const timeZone = useController({ control, name: "timeZone" });
  const own = (message: string | undefined) => (message ? [message] : []);

  return (
    <form onSubmit={form.submit} noValidate className="flex flex-col gap-3">
      <FormField control={control} name="name" label="Name" moreErrors={previewErrors.fields.name}>
        {(field) => <input {...field} className={inputClass} maxLength={100} />}
      </FormField>
      <RepeatFields
        choice={repeat.field.value}
        inputRef={repeat.field.ref}
        errors={[...own(repeat.fieldState.error?.message), ...(previewErrors.fields.repeat ?? [])]}
        onChange={repeat.field.onChange}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField control={control} name="startTime" label="Starts at" moreErrors={previewErrors.fields.startTime}>
          {(field) => <input {...field} type="time" className={inputClass} />}
        </FormField>
        <DurationFields
          hours={hours.field}
          minutes={minutes.field}
          errors={[
            ...own(hours.fieldState.error?.message),
            ...own(minutes.fieldState.error?.message),
            ...(previewErrors.fields.hours ?? []),
          ]}
        />
        <FormField control={control} name="startDate" label="Start date" moreErrors={previewErrors.fields.startDate}>
          {(field) => <input {...field} type="date" className={inputClass} />}
        </FormField>
        <TimeZoneField
          value={timeZone.field.value}
          errors={[...own(timeZone.fieldState.error?.message), ...(previewErrors.fields.timeZone ?? [])]}
          onChange={timeZone.field.onChange}
        />
      </div>
      <OccurrencePreview
        preview={preview}
        formError={previewErrors.form?.message ?? null}
        timeZone={me.timeZone}
        plannerTimeZone={values.timeZone}
      />
      <FormErrorMessage control={control} />
      <div className="flex gap-2">
        <SubmitButton control={control} pendingLabel="Saving…">
          {submitLabel}
        </SubmitButton>
        {onCancel ? (
          <button type="button" className={buttonClass.secondary} onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
