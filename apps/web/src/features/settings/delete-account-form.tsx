import { ZDeleteAccountInput } from "@agendacraft/domain/iam/schemas";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { useMe } from "../../auth/require-session.tsx";
import { useTRPC } from "../../trpc.ts";
import { inputClass } from "../../ui/field.tsx";
import { FormErrorMessage } from "../../ui/form/form-error-message.tsx";
import { FormField } from "../../ui/form/form-field.tsx";
import { SubmitButton } from "../../ui/form/submit-button.tsx";
import { useSchemaForm } from "../../ui/form/use-schema-form.ts";

/**
 * Deletes the account and everything in it. Confirmed with the password, or, for an account
 * made with Google (no password), by typing its email; the server then also wants a recent
 * sign-in and says so when it is not.
 */
export function DeleteAccountForm() {
  const me = useMe();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation(trpc.iam.deleteAccount.mutationOptions());
  const form = useSchemaForm({
    schema: ZDeleteAccountInput,
    defaultValues: { password: "", confirmEmail: "" },
    toInput: (values) => (me.hasPassword ? { password: values.password } : { confirmEmail: values.confirmEmail }),
    mapping: { codes: { "iam.wrong_password": "password", "iam.confirmation_mismatch": "confirmEmail" } },
    onSubmit: async (input) => {
      await remove.mutateAsync(input);
      queryClient.clear();
      await navigate("/sign-in", { replace: true });
    },
  });

  return (
    <form className="flex max-w-md flex-col gap-4" onSubmit={form.submit} noValidate>
      <p className="text-sm text-slate-600">
        Deletes your account with its tasks, plans, calendars and tokens, for good. Events already written to Google
        stay there.
      </p>
      {me.hasPassword ? (
        <FormField control={form.control} name="password" label="Your password">
          {(control) => <input {...control} className={inputClass} type="password" autoComplete="current-password" />}
        </FormField>
      ) : (
        <FormField control={form.control} name="confirmEmail" label={`Type your email (${me.email}) to confirm`}>
          {(control) => <input {...control} className={inputClass} type="email" autoComplete="off" />}
        </FormField>
      )}
      <FormErrorMessage control={form.control} />
      <div>
        <SubmitButton control={form.control} pendingLabel="Deleting…" variant="danger">
          Delete my account
        </SubmitButton>
      </div>
    </form>
  );
}
