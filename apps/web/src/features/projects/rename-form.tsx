import { ZProjectName } from "@agendacraft/domain/scheduler/projects/schemas";
import { z } from "zod";
import { buttonClass } from "../../ui/button.ts";
import { inputClass } from "../../ui/field.tsx";
import { FormErrorMessage } from "../../ui/form/form-error-message.tsx";
import { FormField } from "../../ui/form/form-field.tsx";
import { SubmitButton } from "../../ui/form/submit-button.tsx";
import { useSchemaForm } from "../../ui/form/use-schema-form.ts";

// Projects and areas share the name rule (ZProjectName and ZAreaName are the same).
const ZRename = z.object({ name: ZProjectName });

type RenameFormProps = {
  currentName: string;
  /** Saves the new name; a refusal is shown at the field. */
  onSave: (name: string) => Promise<unknown>;
  onCancel: () => void;
};

/** The inline editor a "Rename" button opens in place of the name; Escape cancels. */
export function RenameForm({ currentName, onSave, onCancel }: RenameFormProps) {
  const form = useSchemaForm({
    schema: ZRename,
    defaultValues: { name: currentName },
    toInput: (values) => values,
    // A name taken by another project or area is the name field's problem.
    mapping: { codes: { "common.already_exists": "name" } },
    onSubmit: async ({ name }) => {
      if (name === currentName) onCancel();
      else await onSave(name);
    },
  });
  return (
    <form onSubmit={form.submit} noValidate className="flex w-full flex-col gap-2">
      <FormField control={form.control} name="name" label={`Rename “${currentName}”`}>
        {(control) => (
          <input
            {...control}
            className={inputClass}
            maxLength={100}
            // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this name.
            autoFocus
            onKeyDown={(event) => {
              if (event.key === "Escape") onCancel();
            }}
          />
        )}
      </FormField>
      <FormErrorMessage control={form.control} />
      <div className="flex gap-2">
        <SubmitButton control={form.control}>Save</SubmitButton>
        <button type="button" className={buttonClass.secondary} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
