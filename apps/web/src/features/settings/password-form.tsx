import { ZChangePasswordInput } from "@agendacraft/domain/iam/schemas";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "../../trpc.ts";
import { inputClass } from "../../ui/field.tsx";
import { FormErrorMessage } from "../../ui/form/form-error-message.tsx";
import { FormField } from "../../ui/form/form-field.tsx";
import { SubmitButton } from "../../ui/form/submit-button.tsx";
import { useSchemaForm } from "../../ui/form/use-schema-form.ts";

/** A new password; the server signs out every other session, this one stays; API tokens are not touched. */
export function PasswordForm() {
  const trpc = useTRPC();
  const change = useMutation(trpc.iam.changePassword.mutationOptions());
  const form = useSchemaForm({
    schema: ZChangePasswordInput,
    defaultValues: { current: "", next: "" },
    toInput: (values) => values,
    // A current password that does not match: its message belongs at that field.
    mapping: { codes: { "iam.wrong_password": "current" } },
    onSubmit: async (input, { reset }) => {
      const { revokedSessions } = await change.mutateAsync(input);
      reset();
      toast.success(
        revokedSessions > 0
          ? `Password changed. ${revokedSessions === 1 ? "1 other session was" : `${revokedSessions} other sessions were`} signed out.`
          : "Password changed.",
      );
    },
  });

  return (
    <form className="flex max-w-md flex-col gap-4" onSubmit={form.submit} noValidate>
      <FormField control={form.control} name="current" label="Current password">
        {(control) => <input {...control} className={inputClass} type="password" autoComplete="current-password" />}
      </FormField>
      <FormField
        control={form.control}
        name="next"
        label="New password"
        hint="At least 10 characters. Changing it signs you out on every other device and browser. API tokens keep working: revoke them under API tokens if they may be exposed."
      >
        {(control) => <input {...control} className={inputClass} type="password" autoComplete="new-password" />}
      </FormField>
      <FormErrorMessage control={form.control} />
      <div>
        <SubmitButton control={form.control} pendingLabel="Changing…">
          Change password
        </SubmitButton>
      </div>
    </form>
  );
}
