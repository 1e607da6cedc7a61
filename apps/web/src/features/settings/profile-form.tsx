import { ZUpdateProfileInput } from "@agendacraft/domain/iam/schemas";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { toast } from "sonner";
import { useMe } from "../../auth/require-session.tsx";
import { useTRPC } from "../../trpc.ts";
import { inputClass } from "../../ui/field.tsx";
import { FormErrorMessage } from "../../ui/form/form-error-message.tsx";
import { FormField } from "../../ui/form/form-field.tsx";
import { SubmitButton } from "../../ui/form/submit-button.tsx";
import { useSchemaForm } from "../../ui/form/use-schema-form.ts";
import { timeZoneOptions } from "./time-zone-options.ts";

/** Name and home time zone; every date in the app is shown in that zone. */
export function ProfileForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const zones = useMemo(() => timeZoneOptions(me.timeZone), [me.timeZone]);
  const save = useMutation(trpc.iam.updateProfile.mutationOptions());
  const form = useSchemaForm({
    schema: ZUpdateProfileInput,
    defaultValues: { name: me.name, timeZone: me.timeZone },
    toInput: (values) => values,
    onSubmit: async (input, { reset }) => {
      const user = await save.mutateAsync(input);
      // Every page reads the zone from `iam.me`: they all switch at once.
      queryClient.setQueryData(trpc.iam.me.queryKey(), user);
      reset({ name: user.name, timeZone: user.timeZone });
      toast.success("Profile saved");
    },
  });

  return (
    <form className="flex max-w-md flex-col gap-4" onSubmit={form.submit} noValidate>
      <FormField control={form.control} name="name" label="Name">
        {(control) => <input {...control} className={inputClass} autoComplete="name" />}
      </FormField>
      <FormField
        control={form.control}
        name="timeZone"
        label="Time zone"
        hint="Dates and reminders are shown in this zone, wherever you are."
      >
        {(control) => (
          <select {...control} className={inputClass}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormErrorMessage control={form.control} />
      <div>
        <SubmitButton control={form.control} pendingLabel="Saving…">
          Save profile
        </SubmitButton>
      </div>
    </form>
  );
}
