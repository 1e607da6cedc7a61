import type { RouterOutputs } from "@agendacraft/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { type DescribedError, describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { Field, inputClass } from "../../ui/field.tsx";
import { FormError } from "../../ui/form-error.tsx";
import { LoadError, Loading } from "../../ui/states.tsx";

type NotificationSettings = RouterOutputs["notifier"]["settings"]["get"];

const EMPTY_LEAD_ERROR: DescribedError = {
  kind: "validation",
  message: "Enter the lead time in minutes.",
  code: null,
  fieldErrors: { leadMinutes: ["Enter a number of minutes, 0 to 120"] },
};

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
  // Kept as typed text, so clearing the box does not snap it back to 0.
  const [leadMinutes, setLeadMinutes] = useState(String(initial.leadMinutes));
  const [email, setEmail] = useState(initial.email);
  const [inApp, setInApp] = useState(initial.inApp);
  const [error, setError] = useState<DescribedError | null>(null);

  const save = useMutation(
    trpc.notifier.settings.update.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.notifier.settings.get.queryKey(), saved);
        setLeadMinutes(String(saved.leadMinutes));
        toast.success("Notification settings saved");
      },
      onError: (failure) => setError(describeError(failure)),
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const minutes = Number(leadMinutes);
    if (leadMinutes.trim() === "" || !Number.isFinite(minutes)) {
      // Everything else (range, whole minutes) is the server's to judge, with its own message.
      setError({ ...EMPTY_LEAD_ERROR });
      return;
    }
    setError(null);
    save.mutate({ leadMinutes: minutes, email, inApp });
  };

  return (
    <form className="flex max-w-md flex-col gap-4" onSubmit={submit} noValidate>
      <Field
        label="Reminder lead time (minutes)"
        hint="How long before a task starts its reminder arrives (0 to 120; 0 means at the start)."
        errors={error?.fieldErrors.leadMinutes}
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
            value={leadMinutes}
            onChange={(event) => setLeadMinutes(event.target.value)}
          />
        )}
      </Field>
      <Checkbox label="Email reminders" checked={email} onChange={setEmail} />
      <Checkbox label="In-app reminders" checked={inApp} onChange={setInApp} />
      <FormError error={error && Object.keys(error.fieldErrors).length === 0 ? error : null} />
      <div>
        <button type="submit" className={buttonClass.primary} disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save notification settings"}
        </button>
      </div>
    </form>
  );
}

function Checkbox({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (value: boolean) => void;
}) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-800">
      <input
        type="checkbox"
        className="h-4 w-4"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      {label}
    </label>
  );
}
