import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { type DescribedError, describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { Field, inputClass } from "../../ui/field.tsx";
import { FormError } from "../../ui/form-error.tsx";

/** The server's code for a current password that does not match; its message belongs at that field. */
const WRONG_PASSWORD = "iam.wrong_password";

/** A new password; the server signs out every other session, this one stays; API tokens are not touched. */
export function PasswordForm() {
  const trpc = useTRPC();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [error, setError] = useState<DescribedError | null>(null);

  const change = useMutation(
    trpc.iam.changePassword.mutationOptions({
      onSuccess: ({ revokedSessions }) => {
        setCurrent("");
        setNext("");
        toast.success(
          revokedSessions > 0
            ? `Password changed. ${revokedSessions === 1 ? "1 other session was" : `${revokedSessions} other sessions were`} signed out.`
            : "Password changed.",
        );
      },
      onError: (failure) => setError(describeError(failure)),
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    change.mutate({ current, next });
  };

  const wrongCurrent = error?.code === WRONG_PASSWORD ? [error.message] : undefined;
  const formError =
    error && error.code !== WRONG_PASSWORD && Object.keys(error.fieldErrors).length === 0 ? error : null;

  return (
    <form className="flex max-w-md flex-col gap-4" onSubmit={submit} noValidate>
      <Field label="Current password" errors={wrongCurrent ?? error?.fieldErrors.current}>
        {(control) => (
          <input
            {...control}
            className={inputClass}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
          />
        )}
      </Field>
      <Field
        label="New password"
        hint="At least 10 characters. Changing it signs you out on every other device and browser. API tokens keep working: revoke them under API tokens if they may be exposed."
        errors={error?.fieldErrors.next}
      >
        {(control) => (
          <input
            {...control}
            className={inputClass}
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(event) => setNext(event.target.value)}
          />
        )}
      </Field>
      <FormError error={formError} />
      <div>
        <button type="submit" className={buttonClass.primary} disabled={change.isPending}>
          {change.isPending ? "Changing…" : "Change password"}
        </button>
      </div>
    </form>
  );
}
