import { ZCreateApiTokenInput } from "@agendacraft/domain/iam/schemas";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { RefObject } from "react";
import { useTRPC } from "../../trpc.ts";
import { inputClass } from "../../ui/field.tsx";
import { FormErrorMessage } from "../../ui/form/form-error-message.tsx";
import { FormField } from "../../ui/form/form-field.tsx";
import { SubmitButton } from "../../ui/form/submit-button.tsx";
import { useSchemaForm } from "../../ui/form/use-schema-form.ts";
import type { NewTokenSecret } from "./token-secret-box.tsx";

const EXPIRY_CHOICES = [
  { days: "", label: "Never" },
  { days: "30", label: "30 days" },
  { days: "90", label: "90 days" },
  { days: "365", label: "1 year" },
] as const;

type CreateTokenFormProps = {
  /** Lets the page put focus back on the name box (after the secret box is closed). */
  nameInputRef: RefObject<HTMLInputElement | null>;
  onCreated: (token: NewTokenSecret) => void;
};

export function CreateTokenForm({ nameInputRef, onCreated }: CreateTokenFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.iam.tokens.create.mutationOptions());
  const form = useSchemaForm({
    schema: ZCreateApiTokenInput,
    defaultValues: { name: "", expiresInDays: "" },
    toInput: ({ name, expiresInDays }) => ({
      name,
      ...(expiresInDays ? { expiresInDays: Number(expiresInDays) } : {}),
    }),
    onSubmit: async (input, { reset }) => {
      const { token, secret } = await create.mutateAsync(input);
      reset();
      onCreated({ name: token.name, secret });
      void queryClient.invalidateQueries(trpc.iam.tokens.list.pathFilter());
    },
  });

  return (
    <form className="flex flex-col gap-3 sm:flex-row sm:items-start" onSubmit={form.submit} noValidate>
      <FormField control={form.control} name="name" label="Token name" className="sm:flex-1">
        {({ ref, ...control }) => (
          <input
            {...control}
            ref={(element) => {
              // Both the form (to focus an invalid name) and the page hold this element.
              nameInputRef.current = element;
              ref(element);
            }}
            className={inputClass}
            placeholder="e.g. Backup script"
          />
        )}
      </FormField>
      <FormField control={form.control} name="expiresInDays" label="Expires after">
        {(control) => (
          <select {...control} className={inputClass}>
            {EXPIRY_CHOICES.map((choice) => (
              <option key={choice.days} value={choice.days}>
                {choice.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="sm:pt-6">
        <SubmitButton control={form.control} pendingLabel="Creating…">
          Create token
        </SubmitButton>
      </div>
      <FormErrorMessage control={form.control} />
    </form>
  );
}
