import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { Field, inputClass } from "../../ui/field.tsx";
import { FormError } from "../../ui/form-error.tsx";
import { isShownAtAField, nameErrors } from "./field-errors.ts";
import { type AreaItem, DEFAULT_PROJECT_COLOR } from "./project-types.ts";
import { useInvalidateProjects } from "./use-invalidate-projects.ts";

/** New project: a name, a color and, optionally, the area it belongs to. */
export function CreateProjectForm({ areas }: { areas: AreaItem[] }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateProjects();
  const [name, setName] = useState("");
  const [color, setColor] = useState(DEFAULT_PROJECT_COLOR);
  const [areaId, setAreaId] = useState("");
  const create = useMutation(
    trpc.scheduler.projects.create.mutationOptions({
      onSuccess: (project) => {
        toast.success(`Created “${project.name}”.`);
        setName("");
      },
      onSettled: () => invalidate(),
    }),
  );
  const error = create.error ? describeError(create.error) : null;
  // An area deleted in another tab is the area field's problem, not the form's.
  const areaGone = error?.code === "scheduler.area_not_found";

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, color, ...(areaId ? { areaId } : {}) });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-labelledby="create-project-heading">
      <h2 id="create-project-heading" className="font-semibold">
        New project
      </h2>
      <Field label="Project name" errors={nameErrors(error)}>
        {(control) => (
          <input
            {...control}
            className={inputClass}
            value={name}
            maxLength={100}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <div className="flex flex-wrap gap-3">
        <Field label="Color" errors={error?.fieldErrors.color}>
          {(control) => (
            <input
              {...control}
              type="color"
              className="h-10 w-16 cursor-pointer rounded-md border border-slate-300 bg-white p-1"
              value={color}
              onChange={(event) => setColor(event.target.value)}
            />
          )}
        </Field>
        <Field
          label="Area"
          className="min-w-40 flex-1"
          errors={areaGone && error ? [error.message] : error?.fieldErrors.areaId}
        >
          {(control) => (
            <select
              {...control}
              className={inputClass}
              value={areaId}
              onChange={(event) => setAreaId(event.target.value)}
            >
              <option value="">No area</option>
              {areas.map((area) => (
                <option key={area.id} value={area.id}>
                  {area.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {isShownAtAField(error, ["name", "color", "areaId"]) || areaGone ? null : <FormError error={error} />}
      <div>
        <button type="submit" className={buttonClass.primary} disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create project"}
        </button>
      </div>
    </form>
  );
}
