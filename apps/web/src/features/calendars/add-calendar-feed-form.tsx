import { ZAddFeedInput } from "@agendacraft/domain/calendars/schemas";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "../../trpc.ts";
import { inputClass } from "../../ui/field.tsx";
import { FormErrorMessage } from "../../ui/form/form-error-message.tsx";
import { FormField } from "../../ui/form/form-field.tsx";
import { SubmitButton } from "../../ui/form/submit-button.tsx";
import { useSchemaForm } from "../../ui/form/use-schema-form.ts";
import { busyTimes } from "./busy-times.ts";

/** Adds a calendar by its secret iCal address; the server downloads it once before saving. */
export function AddCalendarFeedForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const add = useMutation(trpc.calendars.feeds.add.mutationOptions());
  const form = useSchemaForm({
    schema: ZAddFeedInput,
    defaultValues: { name: "", url: "" },
    toInput: (values) => values,
    // Refusals that are about the address itself: shown under the address field, not above the button.
    mapping: {
      codes: { "calendars.feed_unreachable": "url", "calendars.feed_invalid": "url" },
    },
    onSubmit: async (input, { reset }) => {
      const feed = await add.mutateAsync(input);
      reset();
      toast.success(`Added “${feed.name}” with ${busyTimes(feed.eventCount)}.`);
      void queryClient.invalidateQueries(trpc.calendars.pathFilter());
    },
  });

  return (
    <form className="flex flex-col gap-3" onSubmit={form.submit} noValidate>
      <FormField control={form.control} name="name" label="Calendar name">
        {(control) => <input {...control} className={inputClass} placeholder="e.g. Work calendar" />}
      </FormField>
      <FormField
        control={form.control}
        name="url"
        label="Secret iCal address"
        hint="In Google Calendar: Settings → your calendar → Integrate calendar → Secret address in iCal format."
      >
        {(control) => (
          <input
            {...control}
            className={inputClass}
            type="url"
            placeholder="https://calendar.google.com/calendar/ical/…/basic.ics"
          />
        )}
      </FormField>
      <FormErrorMessage control={form.control} />
      <div>
        <SubmitButton control={form.control} pendingLabel="Adding…">
          Add calendar
        </SubmitButton>
      </div>
    </form>
  );
}
