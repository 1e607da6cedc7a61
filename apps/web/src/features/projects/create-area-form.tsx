import { ZCreateAreaInput } from "@agendacraft/domain/scheduler/areas/schemas";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "../../trpc.ts";
import { inputClass } from "../../ui/field.tsx";
import { FormErrorMessage } from "../../ui/form/form-error-message.tsx";
import { FormField } from "../../ui/form/form-field.tsx";
import { SubmitButton } from "../../ui/form/submit-button.tsx";
import { useSchemaForm } from "../../ui/form/use-schema-form.ts";
import { DEFAULT_AREA_COLOR } from "./project-types.ts";
import { useInvalidateProjects } from "./use-invalidate-projects.ts";

/** New area ("Home", "Work"): a name and a color. */
export function CreateAreaForm() {
  const trpc = useTRPC();
  const invalidate = useInvalidateProjects();
  const create = useMutation(trpc.scheduler.areas.create.mutationOptions());
  const form = useSchemaForm({
    schema: ZCreateAreaInput,
    defaultValues: { name: "", color: DEFAULT_AREA_COLOR },
    toInput: (values) => values,
    // A name taken by another area is the name field's problem.
    mapping: { codes: { "common.already_exists": "name" } },
    onSubmit: async (input, { resetField }) => {
      try {
        const area = await create.mutateAsync(input);
        toast.success(`Created area “${area.name}”.`);
        resetField("name");
      } finally {
        // After the reset: the new row must not show before the form is ready for the next one.
        void invalidate();
      }
    },
  });

  return (
    <form onSubmit={form.submit} noValidate className="flex flex-col gap-3" aria-labelledby="create-area-heading">
      <h2 id="create-area-heading" className="font-semibold">
        New area
      </h2>
      <FormField control={form.control} name="name" label="Area name">
        {(control) => <input {...control} className={inputClass} maxLength={100} />}
      </FormField>
      <FormField control={form.control} name="color" label="Area color">
        {(control) => (
          <input
            {...control}
            type="color"
            className="h-10 w-16 cursor-pointer rounded-md border border-slate-300 bg-white p-1"
          />
        )}
      </FormField>
      <FormErrorMessage control={form.control} />
      <div>
        <SubmitButton control={form.control} variant="secondary" pendingLabel="Creating…">
          Create area
        </SubmitButton>
      </div>
    </form>
  );
}
