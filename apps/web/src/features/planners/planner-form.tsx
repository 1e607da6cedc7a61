import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useMe } from "../../auth/require-session.tsx";
import { type DescribedError, describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { Field, inputClass } from "../../ui/field.tsx";
import { FormError } from "../../ui/form-error.tsx";
import { DurationFields } from "./duration-fields.tsx";
import { OccurrencePreview } from "./occurrence-preview.tsx";
import { plannerErrors } from "./planner-field-errors.ts";
import { type PlannerFormValues, plannerInput } from "./planner-form-values.ts";
import { repeatSource } from "./repeat-choice.ts";
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
  const [values, setValues] = useState(initialValues);
  const [saveError, setSaveError] = useState<DescribedError | null>(null);
  const [saving, setSaving] = useState(false);
  const preview = useRecurrencePreview(values);

  const change = (next: Partial<PlannerFormValues>) => {
    setValues((current) => ({ ...current, ...next }));
    // The save's complaint was about what is being changed now; the preview keeps checking the rule.
    setSaveError(null);
  };

  /** The rule to store: a preset as the server spells it, a custom rule as typed (the server checks and tidies it). */
  const ruleToSave = async (): Promise<string> => {
    const source = repeatSource(values.repeat);
    if (!source || "rule" in source) return values.repeat.rule;
    const canonical = await queryClient.fetchQuery(
      trpc.scheduler.recurrence.preview.queryOptions({ preset: source.preset, start: ANY_START, count: 1 }),
    );
    return canonical.rule;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setSaveError(null);
    try {
      await onSave(plannerInput(values, await ruleToSave()));
    } catch (error) {
      setSaveError(describeError(error));
    } finally {
      setSaving(false);
    }
  };

  const previewErrors = plannerErrors(preview.error);
  const saveErrors = plannerErrors(saveError);
  const fields = { ...previewErrors.fields, ...saveErrors.fields };

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="flex flex-col gap-3">
      <Field label="Name" errors={fields.name}>
        {(control) => (
          <input
            {...control}
            className={inputClass}
            value={values.name}
            maxLength={100}
            onChange={(event) => change({ name: event.target.value })}
          />
        )}
      </Field>
      <RepeatFields choice={values.repeat} errors={fields.recurrence} onChange={(repeat) => change({ repeat })} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Starts at" errors={fields.startTime}>
          {(control) => (
            <input
              {...control}
              type="time"
              className={inputClass}
              value={values.startTime}
              onChange={(event) => change({ startTime: event.target.value })}
            />
          )}
        </Field>
        <DurationFields
          hours={values.hours}
          minutes={values.minutes}
          errors={fields.duration}
          onChange={(duration) => change(duration)}
        />
        <Field label="Start date" errors={fields.startDate}>
          {(control) => (
            <input
              {...control}
              type="date"
              className={inputClass}
              value={values.startDate}
              onChange={(event) => change({ startDate: event.target.value })}
            />
          )}
        </Field>
        <TimeZoneField value={values.timeZone} errors={fields.timeZone} onChange={(timeZone) => change({ timeZone })} />
      </div>
      <OccurrencePreview
        preview={preview}
        formError={previewErrors.form}
        timeZone={me.timeZone}
        plannerTimeZone={values.timeZone}
      />
      <FormError error={saveErrors.form ? saveError : null} />
      <div className="flex gap-2">
        <button type="submit" className={buttonClass.primary} disabled={saving}>
          {saving ? "Saving…" : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className={buttonClass.secondary} onClick={onCancel} disabled={saving}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
