import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { type DescribedError, describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { Field, inputClass } from "../../ui/field.tsx";
import { FormError } from "../../ui/form-error.tsx";

/** Refusals that are about the address itself: shown under the address field, not above the button. */
const URL_PROBLEMS = new Set(["calendars.feed_unreachable", "calendars.feed_invalid"]);

/** Adds a calendar by its secret iCal address; the server downloads it once before saving. */
export function AddCalendarFeedForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const [error, setError] = useState<DescribedError | null>(null);

  const add = useMutation(
    trpc.calendars.feeds.add.mutationOptions({
      onSuccess: (feed) => {
        setName("");
        setUrl("");
        toast.success(`Added “${feed.name}” with ${feed.eventCount} busy times.`);
        void queryClient.invalidateQueries(trpc.calendars.pathFilter());
      },
      onError: (failure) => setError(describeError(failure)),
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    add.mutate({ name, url });
  };

  const urlProblem = error?.code && URL_PROBLEMS.has(error.code) ? [error.message] : undefined;
  return (
    <form className="flex flex-col gap-3" onSubmit={submit} noValidate>
      <Field label="Calendar name" errors={error?.fieldErrors.name}>
        {(control) => (
          <input
            {...control}
            className={inputClass}
            placeholder="e.g. Work calendar"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <Field
        label="Secret iCal address"
        errors={error?.fieldErrors.url ?? urlProblem}
        hint="In Google Calendar: Settings → your calendar → Integrate calendar → Secret address in iCal format."
      >
        {(control) => (
          <input
            {...control}
            className={inputClass}
            type="url"
            placeholder="https://calendar.google.com/calendar/ical/…/basic.ics"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
          />
        )}
      </Field>
      <FormError error={error && !urlProblem && Object.keys(error.fieldErrors).length === 0 ? error : null} />
      <div>
        <button type="submit" className={buttonClass.primary} disabled={add.isPending}>
          {add.isPending ? "Adding…" : "Add calendar"}
        </button>
      </div>
    </form>
  );
}
