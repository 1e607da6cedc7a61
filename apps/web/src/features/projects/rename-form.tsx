import { type FormEvent, useState } from "react";
import type { DescribedError } from "../../errors/describe-error.ts";
import { buttonClass } from "../../ui/button.ts";
import { Field, inputClass } from "../../ui/field.tsx";
import { FormError } from "../../ui/form-error.tsx";
import { isShownAtAField, nameErrors } from "./field-errors.ts";

type RenameFormProps = {
  currentName: string;
  error: DescribedError | null;
  busy: boolean;
  onSave: (name: string) => void;
  onCancel: () => void;
};

/** The inline editor a "Rename" button opens in place of the name; Escape cancels. */
export function RenameForm({ currentName, error, busy, onSave, onCancel }: RenameFormProps) {
  const [name, setName] = useState(currentName);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (name === currentName) onCancel();
    else onSave(name);
  };
  return (
    <form onSubmit={onSubmit} noValidate className="flex w-full flex-col gap-2">
      <Field label={`Rename “${currentName}”`} errors={nameErrors(error)}>
        {(control) => (
          <input
            {...control}
            className={inputClass}
            value={name}
            maxLength={100}
            // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this name.
            autoFocus
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Escape") onCancel();
            }}
          />
        )}
      </Field>
      {isShownAtAField(error, ["name"]) ? null : <FormError error={error} />}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass.primary} disabled={busy}>
          Save
        </button>
        <button type="button" className={buttonClass.secondary} onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
