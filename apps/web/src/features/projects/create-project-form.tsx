import { ZCreateProjectInput } from "@agendacraft/domain/scheduler/projects/schemas";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "../../trpc.ts";
import { inputClass } from "../../ui/field.tsx";
import { FormErrorMessage } from "../../ui/form/form-error-message.tsx";
import { FormField } from "../../ui/form/form-field.tsx";
import { SubmitButton } from "../../ui/form/submit-button.tsx";
import { useSchemaForm } from "../../ui/form/use-schema-form.ts";
import { type AreaItem, DEFAULT_PROJECT_COLOR } from "./project-types.ts";
import { useInvalidateProjects } from "./use-invalidate-projects.ts";

/** New project: a name, a color and, optionally, the area it belongs to. */
export function CreateProjectForm({ areas }: { areas: AreaItem[] }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateProjects();
  const create = useMutation(trpc.scheduler.projects.create.mutationOptions());
  const form = useSchemaForm({
    schema: ZCreateProjectInput,
    defaultValues: { name: "", color: DEFAULT_PROJECT_COLOR, areaId: "" },
    toInput: ({ areaId, ...values }) => ({ ...values, ...(areaId ? { areaId } : {}) }),
    mapping: {
      codes: {
        // A taken name is the name field's problem; an area deleted in another tab is the area field's.
        "common.already_exists": "name",
        "scheduler.area_not_found": "areaId",
      },
    },
    onSubmit: async (input, { resetField }) => {
      try {
        const project = await create.mutateAsync(input);
        toast.success(`Created “${project.name}”.`);
        resetField("name");
      } finally {
        // After the reset: the new row must not show before the form is ready for the next one.
        void invalidate();
      }
    },
  });

  return (
    <form onSubmit={form.submit} noValidate className="flex flex-col gap-3" aria-labelledby="create-project-heading">
      <h2 id="create-project-heading" className="font-semibold">
        New project
      </h2>
      <FormField control={form.control} name="name" label="Project name">
        {(control) => <input {...control} className={inputClass} maxLength={100} />}
      </FormField>
      <div className="flex flex-wrap gap-3">
        <FormField control={form.control} name="color" label="Color">
          {(control) => (
            <input
              {...control}
              type="color"
              className="h-10 w-16 cursor-pointer rounded-md border border-slate-300 bg-white p-1"
            />
          )}
        </FormField>
        <FormField control={form.control} name="areaId" label="Area" className="min-w-40 flex-1">
          {(control) => (
            <select {...control} className={inputClass}>
              <option value="">No area</option>
              {areas.map((area) => (
                <option key={area.id} value={area.id}>
                  {area.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <FormErrorMessage control={form.control} />
      <div>
        <SubmitButton control={form.control} pendingLabel="Creating…">
          Create project
        </SubmitButton>
      </div>
    </form>
  );
}
