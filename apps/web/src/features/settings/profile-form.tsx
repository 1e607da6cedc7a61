import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import { toast } from "sonner";
import { useMe } from "../../auth/require-session.tsx";
import { type DescribedError, describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { Field, inputClass } from "../../ui/field.tsx";
import { FormError } from "../../ui/form-error.tsx";
import { timeZoneOptions } from "./time-zone-options.ts";

/** Name and home time zone; every date in the app is shown in that zone. */
export function ProfileForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const [name, setName] = useState(me.name);
  const [timeZone, setTimeZone] = useState(me.timeZone);
  const [error, setError] = useState<DescribedError | null>(null);
  const zones = useMemo(() => timeZoneOptions(me.timeZone), [me.timeZone]);

  const save = useMutation(
    trpc.iam.updateProfile.mutationOptions({
      onSuccess: (user) => {
        // Every page reads the zone from `iam.me`: they all switch at once.
        queryClient.setQueryData(trpc.iam.me.queryKey(), user);
        setName(user.name);
        toast.success("Profile saved");
      },
      onError: (failure) => setError(describeError(failure)),
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    save.mutate({ name, timeZone });
  };

  return (
    <form className="flex max-w-md flex-col gap-4" onSubmit={submit} noValidate>
      <Field label="Name" errors={error?.fieldErrors.name}>
        {(control) => (
          <input
            {...control}
            className={inputClass}
            autoComplete="name"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <Field
        label="Time zone"
        hint="Dates and reminders are shown in this zone, wherever you are."
        errors={error?.fieldErrors.timeZone}
      >
        {(control) => (
          <select
            {...control}
            className={inputClass}
            value={timeZone}
            onChange={(event) => setTimeZone(event.target.value)}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormError error={error && Object.keys(error.fieldErrors).length === 0 ? error : null} />
      <div>
        <button type="submit" className={buttonClass.primary} disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save profile"}
        </button>
      </div>
    </form>
  );
}
