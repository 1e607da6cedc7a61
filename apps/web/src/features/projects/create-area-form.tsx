import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { Field, inputClass } from "../../ui/field.tsx";
import { FormError } from "../../ui/form-error.tsx";
import { isShownAtAField, nameErrors } from "./field-errors.ts";
import { DEFAULT_AREA_COLOR } from "./project-types.ts";
import { useInvalidateProjects } from "./use-invalidate-projects.ts";

/** New area ("Home", "Work"): a name and a color. */
export function CreateAreaForm() {
  const trpc = useTRPC();
  const invalidate = useInvalidateProjects();
  const [name, setName] = useState("");
  const [color, setColor] = useState(DEFAULT_AREA_COLOR);
  const create = useMutation(
    trpc.scheduler.areas.create.mutationOptions({
      onSuccess: (area) => {
        toast.success(`Created area “${area.name}”.`);
        setName("");
      },
      onSettled: () => invalidate(),
    }),
  );
  const error = create.error ? describeError(create.error) : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, color });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-labelledby="create-area-heading">
      <h2 id="create-area-heading" className="font-semibold">
        New area
      </h2>
      <Field label="Area name" errors={nameErrors(error)}>
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
      <Field label="Area color" errors={error?.fieldErrors.color}>
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
      {isShownAtAField(error, ["name", "color"]) ? null : <FormError error={error} />}
      <div>
        <button type="submit" className={buttonClass.secondary} disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create area"}
        </button>
      </div>
    </form>
  );
}
