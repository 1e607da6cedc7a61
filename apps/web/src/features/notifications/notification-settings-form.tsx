import type { RouterOutputs } from "@agendacraft/api";
import { ZUpdateNotificationSettingsInput } from "@agendacraft/domain/notifier/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "../../trpc.ts";
import { inputClass } from "../../ui/field.tsx";
import { FormCheckbox } from "../../ui/form/form-checkbox.tsx";
import { FormErrorMessage } from "../../ui/form/form-error-message.tsx";
import { FormField } from "../../ui/form/form-field.tsx";
import { SubmitButton } from "../../ui/form/submit-button.tsx";
import { useSchemaForm } from "../../ui/form/use-schema-form.ts";
import { LoadError, Loading } from "../../ui/states.tsx";

type NotificationSettings = RouterOutputs["notifier"]["settings"]["get"];

/** How and when task reminders arrive; the Settings page shows it under its "Notifications" heading. */
export function NotificationSettingsForm() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.notifier.settings.get.queryOptions());
  if (settings.isPending) return <Loading label="Loading notification settings…" />;
  if (settings.isError) return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  return <SettingsFields initial={settings.data} />;
}

function SettingsFields({ initial }: { initial: NotificationSettings }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.notifier.settings.update.mutationOptions());
  const form = useSchemaForm({
    schema: ZUpdateNotificationSettingsInput,
    // The lead time is kept as typed text, so clearing the box does not snap it back to 0.
    defaultValues: { leadMinutes: String(initial.leadMinutes), email: initial.email, inApp: initial.inApp },
    check: ({ leadMinutes }) =>
      leadMinutes.trim() === "" ? { leadMinutes: "Enter a number of minutes, 0 to 120" } : {},
    toInput: ({ leadMinutes, email, inApp }) => ({ leadMinutes: Number(leadMinutes), email, inApp }),
    onSubmit: async (input, { reset }) => {
      const saved = await save.mutateAsync(input);
      queryClient.setQueryData(trpc.notifier.settings.get.queryKey(), saved);
      reset({ leadMinutes: String(saved.leadMinutes), email: saved.email, inApp: saved.inApp });
      toast.success("Notification settings saved");
    },
  });

  return (
    <form className="flex max-w-md flex-col gap-4" onSubmit={form.submit} noValidate>
      <FormField
        control={form.control}
        name="leadMinutes"
        label="Reminder lead time (minutes)"
        hint="How long before a task starts its reminder arrives (0 to 120; 0 means at the start)."
      >
        {(control) => (
          <input
            {...control}
            className={`${inputClass} w-32`}
            type="number"
            inputMode="numeric"
            min={0}
            max={120}
            step={1}
          />
        )}
      </FormField>
      <FormCheckbox control={form.control} name="email" label="Email reminders" />
      <FormCheckbox control={form.control} name="inApp" label="In-app reminders" />
      <FormErrorMessage control={form.control} />
      <div>
        <SubmitButton control={form.control} pendingLabel="Saving…">
          Save notification settings
        </SubmitButton>
      </div>
    </form>
  );
}
