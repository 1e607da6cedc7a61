import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type RefObject, useState } from "react";
import { type DescribedError, describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { Field, inputClass } from "../../ui/field.tsx";
import { FormError } from "../../ui/form-error.tsx";
import type { NewTokenSecret } from "./token-secret-box.tsx";

const EXPIRY_CHOICES = [
  { days: "", label: "Never" },
  { days: "30", label: "30 days" },
  { days: "90", label: "90 days" },
  { days: "365", label: "1 year" },
] as const;

type CreateTokenFormProps = {
  nameInputRef: RefObject<HTMLInputElement | null>;
  onCreated: (token: NewTokenSecret) => void;
};

export function CreateTokenForm({ nameInputRef, onCreated }: CreateTokenFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [expiresInDays, setExpiresInDays] = useState("");
  const [error, setError] = useState<DescribedError | null>(null);

  const create = useMutation(
    trpc.iam.tokens.create.mutationOptions({
      onSuccess: ({ token, secret }) => {
        setName("");
        setExpiresInDays("");
        onCreated({ name: token.name, secret });
        void queryClient.invalidateQueries(trpc.iam.tokens.list.pathFilter());
      },
      onError: (failure) => setError(describeError(failure)),
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    create.mutate({ name, ...(expiresInDays ? { expiresInDays: Number(expiresInDays) } : {}) });
  };

  return (
    <form className="flex flex-col gap-3 sm:flex-row sm:items-start" onSubmit={submit} noValidate>
      <Field label="Token name" className="sm:flex-1" errors={error?.fieldErrors.name}>
        {(control) => (
          <input
            {...control}
            ref={nameInputRef}
            className={inputClass}
            placeholder="e.g. Backup script"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <Field label="Expires after" errors={error?.fieldErrors.expiresInDays}>
        {(control) => (
          <select
            {...control}
            className={inputClass}
            value={expiresInDays}
            onChange={(event) => setExpiresInDays(event.target.value)}
          >
            {EXPIRY_CHOICES.map((choice) => (
              <option key={choice.days} value={choice.days}>
                {choice.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="sm:pt-6">
        <button type="submit" className={buttonClass.primary} disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create token"}
        </button>
      </div>
      <FormError error={error && Object.keys(error.fieldErrors).length === 0 ? error : null} />
    </form>
  );
}
